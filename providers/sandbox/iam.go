package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"

	"cloudorder/flows"
)

// Huawei IAM for the sandbox account: KeystoneListAuthProjects (GET /v3/auth/projects) and
// KeystoneListAuthDomains (GET /v3/auth/domains), services/iam/v3/model shapes. The account has
// one project per region, named after it (cn-north-4's is ProjectID), plus a sub-project
// "cn-north-4_dev" and the global "MOS" project real accounts also list.

// DomainID is the sandbox account's id (X-Domain-Id of the BSS calls).
const DomainID = "d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f"

// DevProjectID is the sandbox's second project in cn-north-4 ("cn-north-4_dev").
var DevProjectID = projectIDFor("cn-north-4_dev")

type projectInfo struct{ id, name string }

// projectIDFor is cn-north-4's ProjectID, else 32 hex characters derived from the name.
func projectIDFor(name string) string {
	if name == "cn-north-4" {
		return ProjectID
	}
	sum := sha256.Sum256([]byte("cloudorder-sandbox-project:" + name))
	return hex.EncodeToString(sum[:16])
}

// sandboxProjects lists a project per region either Huawei API offers, sorted by name.
func sandboxProjects() []projectInfo {
	seen := map[string]bool{"cn-north-4_dev": true, "MOS": true}
	for _, api := range flows.APIs() {
		if api.Cloud != "huawei" {
			continue
		}
		for _, f := range api.Fields {
			if f.Name != "region" {
				continue
			}
			for _, o := range f.Options {
				seen[o.Value] = true
			}
		}
	}
	out := make([]projectInfo, 0, len(seen))
	for name := range seen {
		out = append(out, projectInfo{id: projectIDFor(name), name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// ownProject reports whether pid is one of the sandbox account's projects.
func ownProject(pid string) bool {
	for _, p := range sandboxProjects() {
		if p.id == pid {
			return true
		}
	}
	return false
}

var iamInternal = apiError{http.StatusInternalServerError, "IAM.0001", "Internal server error"}

func (s *Server) iam(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/v3/auth/projects":
		s.serveHuaweiCall(w, r, huaweiCall{name: CallProjects, internal: iamInternal, answer: listAuthProjects})
	case r.Method == http.MethodGet && r.URL.Path == "/v3/auth/domains":
		s.serveHuaweiCall(w, r, huaweiCall{name: CallDomains, internal: iamInternal, answer: listAuthDomains})
	default:
		writeHuaweiError(w, huaweiNoSuchAPI)
	}
}

func listAuthProjects(_ *Server, r *http.Request, _ []byte, _ string) (int, any, *apiError) {
	base := "http://" + r.Host + "/v3/projects/"
	var out []map[string]any
	for _, p := range sandboxProjects() {
		parent := DomainID
		if p.name == "cn-north-4_dev" {
			parent = ProjectID
		}
		out = append(out, map[string]any{"id": p.id, "name": p.name, "domain_id": DomainID, "parent_id": parent,
			"enabled": true, "is_domain": false, "description": "", "links": map[string]any{"self": base + p.id}})
	}
	return http.StatusOK, map[string]any{"projects": out, "links": map[string]any{"self": "http://" + r.Host + "/v3/auth/projects"}}, nil
}

func listAuthDomains(_ *Server, r *http.Request, _ []byte, _ string) (int, any, *apiError) {
	return http.StatusOK, map[string]any{
		"domains": []map[string]any{{"id": DomainID, "name": "cloudorder-sandbox", "enabled": true, "description": "",
			"links": map[string]any{"self": "http://" + r.Host + "/v3/domains/" + DomainID}}},
		"links": map[string]any{"self": "http://" + r.Host + "/v3/auth/domains"},
	}, nil
}
