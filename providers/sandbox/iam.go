package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"

	"slices"
)

// Huawei IAM for the sandbox account: KeystoneListAuthProjects (GET /v3/auth/projects) and
// KeystoneListAuthDomains (GET /v3/auth/domains), services/iam/v3/model shapes. The account has
// one project per region, named after it (cn-north-4's is ProjectID), plus a sub-project
// "cn-north-4_dev" and the global "MOS" project real accounts also list.

// DomainID is the sandbox account's id (X-Domain-Id of the BSS calls).
const DomainID = "d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f"

// DevProjectID is the sandbox's second project in cn-north-4 ("cn-north-4_dev").
var DevProjectID = projectIDFor("cn-north-4_dev")

// projectInfo is one project of the sandbox account: its id, name and region.
type projectInfo struct{ id, name, region string }

// projectIDFor is cn-north-4's ProjectID, else 32 hex characters derived from the name.
func projectIDFor(name string) string {
	if name == "cn-north-4" {
		return ProjectID
	}
	sum := sha256.Sum256([]byte("cloudorder-sandbox-project:" + name))
	return hex.EncodeToString(sum[:16])
}

// sandboxProjects lists a project per region DSC or Workspace App serves, the sub-project
// "cn-north-4_dev" and the global "MOS" project real accounts also list, sorted by name.
func sandboxProjects() []projectInfo {
	out := []projectInfo{{projectIDFor("cn-north-4_dev"), "cn-north-4_dev", "cn-north-4"}, {projectIDFor("MOS"), "MOS", ""}}
	for _, r := range append(append([]string{}, dscRegions...), workspaceAppRegions...) {
		if !slices.ContainsFunc(out, func(p projectInfo) bool { return p.name == r }) {
			out = append(out, projectInfo{projectIDFor(r), r, r})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// projectByID is the account's project with id pid (MOS, global, serves no regional API).
func projectByID(pid string) (projectInfo, bool) {
	for _, p := range sandboxProjects() {
		if p.id == pid && p.region != "" {
			return p, true
		}
	}
	return projectInfo{}, false
}

// ownProject reports whether pid is one of the sandbox account's projects.
func ownProject(pid string) bool {
	_, ok := projectByID(pid)
	return ok
}

var iamInternal = apiError{http.StatusInternalServerError, "IAM.0001", "Internal server error"}

// iamEmulation is IAM's KeystoneListAuthProjects and KeystoneListAuthDomains
// (https://support.huaweicloud.com/api-iam/iam_06_0001.html).
var iamEmulation = emulation{name: "huawei/iam", routes: []route{
	huaweiOp{method: http.MethodGet, path: "/v3/auth/projects", call: CallProjects, internal: iamInternal,
		answer: listAuthProjects}.rest(),
	huaweiOp{method: http.MethodGet, path: "/v3/auth/domains", call: CallDomains, internal: iamInternal,
		answer: listAuthDomains}.rest(),
}}

func listAuthProjects(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	r := c.r
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

func listAuthDomains(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	r := c.r
	return http.StatusOK, map[string]any{
		"domains": []map[string]any{{"id": DomainID, "name": "sandbox-account", "enabled": true, "description": "",
			"links": map[string]any{"self": "http://" + r.Host + "/v3/domains/" + DomainID}}},
		"links": map[string]any{"self": "http://" + r.Host + "/v3/auth/domains"},
	}, nil
}

// ProjectFor is the id of the account's project named after region ("" when it has none).
func ProjectFor(region string) string {
	for _, p := range sandboxProjects() {
		if p.name == region && p.region == region {
			return p.id
		}
	}
	return ""
}
