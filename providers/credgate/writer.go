package credgate

import (
	"bytes"
	"io"
	"net"
	"net/http"
)

// connWriter collects one answer for a request read from a routed tunnel and writes it back
// as HTTP/1.1 (the answers are small: transport.Call bounds them).
type connWriter struct {
	conn   net.Conn
	header http.Header
	status int
	body   bytes.Buffer
}

func newConnWriter(c net.Conn) *connWriter { return &connWriter{conn: c, header: http.Header{}} }

func (w *connWriter) Header() http.Header { return w.header }

func (w *connWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *connWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(p)
}

// finish writes the collected answer to the tunnel.
func (w *connWriter) finish(req *http.Request) error {
	w.WriteHeader(http.StatusOK)
	w.header.Del("Transfer-Encoding")
	w.header.Del("Connection")
	resp := &http.Response{StatusCode: w.status, ProtoMajor: 1, ProtoMinor: 1, Request: req, Header: w.header,
		ContentLength: int64(w.body.Len()), Body: io.NopCloser(&w.body)}
	return resp.Write(w.conn)
}
