package sandbox

import (
	"encoding/json"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
)

// Sandbox controls under /_sandbox/: no authentication, so only loopback callers are served,
// and only under a loopback Host name — a web page the person visits could otherwise reach
// them through a DNS name that resolves to 127.0.0.1 (DNS rebinding).

func (s *Server) controls(w http.ResponseWriter, r *http.Request) {
	if !fromLoopback(r) || !loopbackHostHeader(r.Host) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "sandbox controls are served to loopback callers at a loopback address (127.0.0.1, ::1, localhost) only"})
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

// postFault sets a fault. Content-Type must be application/json: a browser cannot send that
// cross-origin without asking first (CORS preflight, which the sandbox never grants), so a web
// page cannot plant faults with a form post.
func (s *Server) postFault(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": "POST /_sandbox/faults needs Content-Type: application/json"})
		return
	}
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

// loopbackHostHeader reports whether a Host header names a loopback address.
func loopbackHostHeader(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
