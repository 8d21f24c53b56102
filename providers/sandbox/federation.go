package sandbox

import "net/http"

// federation answers Huawei IAM's federation token exchange. Not emulated yet: the request is
// refused the way IAM refuses an unknown identity provider, so a test can see it reached here.
func (s *Server) federation(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"code": "1100",
		"message": "The identity provider is not found (the cloudorder sandbox does not emulate IAM federation yet)"}})
}
