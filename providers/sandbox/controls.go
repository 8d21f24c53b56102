package sandbox

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
)

// Sandbox controls under /_sandbox/: no authentication, so only loopback callers are served.

func (s *Server) controls(w http.ResponseWriter, r *http.Request) {
	if !fromLoopback(r) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "sandbox controls are served to loopback callers only"})
		return
	}
	switch r.Method + " " + r.URL.Path {
	case "GET /_sandbox/health":
		writeJSON(w, http.StatusOK, Health()) // health.go
	case "GET /_sandbox/orders":
		writeJSON(w, http.StatusOK, s.Orders())
	case "GET /_sandbox/faults":
		writeJSON(w, http.StatusOK, s.faultList())
	case "POST /_sandbox/faults":
		s.postFault(w, r)
	case "DELETE /_sandbox/faults":
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown sandbox control " + r.Method + " " + r.URL.Path +
			": use GET /_sandbox/health, GET /_sandbox/orders, GET|POST|DELETE /_sandbox/faults"})
	}
}

func (s *Server) postFault(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var f Fault
	if err == nil {
		err = json.Unmarshal(data, &f)
	}
	if err == nil {
		err = f.check()
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid fault: " + err.Error()})
		return
	}
	s.SetFault(f)
	writeJSON(w, http.StatusCreated, f)
}

func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
