package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// metadataTokens is how an instance metadata service hands out session tokens, the part the
// Alibaba ECS (imds.go) and Huawei ECS (huawei_imds.go) metadata services share: PUT path with
// ttlHeader (1 to 21600 seconds) answers a token, later requests present it in header.
type metadataTokens struct {
	path, ttlHeader, header string
	prefix                  string // the issued token's start, shaped like the cloud's
	sep                     string // between status code and reason: "405 - Method …" or "405 Method …"
}

// metadataRoute is a metadata service's route: serve answers it, whatever the path holds.
func metadataRoute(method, path string, serve func(*Server, http.ResponseWriter, *http.Request)) route {
	return route{method: method, path: path, serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { serve(s, w, r) }}
}

// plainText writes a text/plain answer, as both metadata services answer.
func plainText(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// metadataStart answers what both metadata services answer alike: PUT m.path issues a token
// that lives ttl seconds, and any method other than GET on the other paths is refused. It
// reports false when it has answered r.
func (s *Server) metadataStart(m metadataTokens, w http.ResponseWriter, r *http.Request) bool {
	notAllowed := "405" + m.sep + "Method Not Allowed"
	if r.URL.Path != m.path {
		if r.Method != http.MethodGet {
			plainText(w, http.StatusMethodNotAllowed, notAllowed)
			return false
		}
		return true
	}
	if r.Method != http.MethodPut {
		plainText(w, http.StatusMethodNotAllowed, notAllowed)
		return false
	}
	ttl, err := strconv.Atoi(r.Header.Get(m.ttlHeader))
	if err != nil || ttl < 1 || ttl > 21600 {
		plainText(w, http.StatusBadRequest, "400"+m.sep+"Bad Request: "+m.ttlHeader+" must be 1 to 21600")
		return false
	}
	tok := m.prefix + randomHex(16)
	s.creds.mu.Lock()
	s.creds.init()
	s.creds.imdsToken[tok] = s.now().Add(time.Duration(ttl) * time.Second)
	s.creds.mu.Unlock()
	plainText(w, http.StatusOK, tok)
	return false
}

// metadataTokenLive reports whether tok was issued by metadataStart and has not expired.
func (s *Server) metadataTokenLive(tok string) bool {
	s.creds.mu.Lock()
	exp, ok := s.creds.imdsToken[tok]
	s.creds.mu.Unlock()
	return ok && s.now().Before(exp)
}
