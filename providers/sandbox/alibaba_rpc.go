package sandbox

import (
	"net/http"
)

// rpc is op's route in the RPC style (https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism):
// every operation on path "/", chosen by its Action parameter (or x-acs-action under the V3
// signature), GET or POST, parameters in the query and, for POST, a form body. The answer
// sees them all in alibabaRequest.params.
func (op alibabaOp) rpc(method string) route {
	return route{method: method, path: "/", action: op.action, serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) {
		s.serveAlibaba(w, r, op, r.URL.Query())
	}}
}
