package sandbox

import (
	"net/http"
	"strings"
)

// route is one endpoint the sandbox answers, declared by its API's file through a request
// style's helper (alibaba_roa.go, alibaba_rpc.go, huawei_rest.go).
type route struct {
	method string
	// path is the documented template; "{name}" matches one non-empty segment, handed to
	// serve as params[name].
	path string
	// action, for RPC-style APIs (all on path "/"), is the Action the route answers (query
	// parameter Action or header x-acs-action); "" for path-routed styles.
	action string
	serve  func(s *Server, w http.ResponseWriter, r *http.Request, params map[string]string)
}

// API names an order API the sandbox answers as the clouds name the operation —
// cloud/product/Action, e.g. "huawei/dsc/CreateProductOrder" — so a client's name for the same
// operation is the same string. Each is declared in its API's file (PAIOrders, DSCOrders,
// WorkspaceAppOrders).
type API string

// emulation is one cloud API or service the sandbox answers: its name and its routes.
type emulation struct {
	name   string
	api    API // the order API it answers, if any (Hits, faults by API)
	routes []route
	// billing is how the API's orders appear in its cloud's billing centre (orderbook.go);
	// nil: they do not.
	billing *billingOf
}

// emulations is every API the sandbox answers, as values, in one place: to add one, declare
// an emulation in its own file and list it here.
func emulations() []emulation {
	return []emulation{
		paiEmulation,          // pai.go: Alibaba AIWorkSpace CreateProductOrders
		dscEmulation,          // dsc.go: Huawei DSC CreateProductOrder
		workspaceAppEmulation, // workspaceapp.go: Huawei Workspace App CreateOrder and its look-ups
		vpcEmulation,          // network.go: Huawei VPC ListVpcs, ListSubnets
		iamEmulation,          // iam.go: Huawei IAM projects and domains
		bssEmulation,          // huawei_price_pay.go, billing_huawei.go: Huawei BSS price inquiry, payment, order queries
		bssOpenAPIEmulation,   // billing_alibaba.go: Alibaba BssOpenApi order queries
		stsEmulation,          // sts.go: Alibaba STS AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity
		imdsEmulation,         // imds.go: Alibaba ECS metadata RAM role credentials
		federationEmulation,   // federation.go: Huawei IAM federation
		huaweiIMDSEmulation,   // huawei_imds.go: Huawei ECS metadata agency credentials
		cloudSSOEmulation,     // cloudsso.go: Alibaba CloudSSO user portal cloud credentials
		oauthEmulation,        // oauth.go: Alibaba OAuth token refresh and key exchange
	}
}

// emulated reports whether api is an order API the sandbox answers.
func emulated(api API) bool {
	for _, e := range emulations() {
		if e.api == api {
			return true
		}
	}
	return false
}

// findRoute is the route that answers r, and the path's parameters.
func findRoute(r *http.Request) (route, map[string]string, bool) {
	action := r.URL.Query().Get("Action")
	if action == "" {
		action = r.Header.Get("x-acs-action")
	}
	for _, e := range emulations() {
		for _, rt := range e.routes {
			if rt.method != r.Method || (rt.action != "" && rt.action != action) {
				continue
			}
			if params, ok := matchPath(rt.path, r.URL.Path); ok {
				return rt, params, true
			}
		}
	}
	return route{}, nil, false
}

// matchPath matches path against a template like "/v1/{project_id}/period/order".
func matchPath(template, path string) (map[string]string, bool) {
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		return nil, false
	}
	params := map[string]string{}
	for i, t := range ts {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if ps[i] == "" {
				return nil, false
			}
			params[t[1:len(t)-1]] = ps[i]
			continue
		}
		if t != ps[i] {
			return nil, false
		}
	}
	return params, true
}

// notFound answers a request no route takes, in the shape of the cloud it looks meant for:
// Alibaba's when it carries Alibaba's signature or headers, Huawei's gateway otherwise.
func notFound(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	switch {
	case strings.HasPrefix(auth, "acs ") || strings.HasPrefix(auth, alibabaV3Algorithm) ||
		r.Header.Get("x-acs-version") != "" || r.URL.Query().Get("Action") != "" || strings.HasPrefix(r.URL.Path, "/api/"):
		writeAlibabaError(w, r, newRequestID(), "", alibabaNotFound)
	case strings.HasPrefix(auth, huaweiAlgorithm) || r.Header.Get("X-Sdk-Date") != "" || len(r.URL.Path) > 3 && r.URL.Path[:2] == "/v":
		writeHuaweiError(w, huaweiNoSuchAPI)
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such path in the sandbox: " + r.URL.Path})
	}
}
