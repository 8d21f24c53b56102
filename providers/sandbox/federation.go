package sandbox

import "net/http"

// federationEmulation is IAM's federation token exchange paths, answered by federation.
var federationEmulation = emulation{name: "huawei/iam-federation", routes: []route{
	{method: http.MethodPost, path: "/v3.0/OS-AUTH/id-token/tokens", serve: serveFederation},
	{method: http.MethodPost, path: "/v3.0/OS-CREDENTIAL/securitytokens", serve: serveFederation},
}}

func serveFederation(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) {
	s.federation(w, r)
}

// federation answers Huawei IAM's federation token exchange. Not emulated yet: the request is
// refused the way IAM refuses an unknown identity provider, so a test can see it reached here.
func (s *Server) federation(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"code": "1100",
		"message": "The identity provider is not found (the sandbox does not emulate IAM federation yet)"}})
}
