package config

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Endpoint is a validated --endpoint value: scheme://host[:port] and nothing else.
type Endpoint struct {
	Scheme string // "https", or "http" for loopback hosts only
	Host   string // host name or IP, without brackets or port
	Port   string // "" = the scheme's default
}

// String renders scheme://host[:port].
func (e Endpoint) String() string {
	if e.Port == "" {
		return e.Scheme + "://" + bracket(e.Host)
	}
	return e.Scheme + "://" + net.JoinHostPort(e.Host, e.Port)
}

func bracket(h string) string {
	if strings.Contains(h, ":") {
		return "[" + h + "]"
	}
	return h
}

// IsLoopback reports whether host is 127.0.0.0/8, ::1 or localhost.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ParseEndpoint validates an endpoint override. Paths, queries, user info and fragments are
// refused rather than dropped: the person must see exactly where an order goes. Plain http is
// accepted only for loopback hosts, because order requests carry signed credentials.
func ParseEndpoint(s string) (Endpoint, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return Endpoint{}, fmt.Errorf("endpoint %q: %w", s, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return Endpoint{}, fmt.Errorf("endpoint %q: want scheme://host[:port] with scheme https (or http for 127.0.0.1, ::1, localhost)", s)
	case u.Host == "" || u.Hostname() == "":
		return Endpoint{}, fmt.Errorf("endpoint %q: no host: want scheme://host[:port]", s)
	case u.User != nil:
		return Endpoint{}, fmt.Errorf("endpoint %q: user info is not allowed: credentials come from the environment or the SDK files", s)
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
		return Endpoint{}, fmt.Errorf("endpoint %q: only scheme://host[:port] is allowed, no path or query", s)
	}
	e := Endpoint{Scheme: scheme, Host: u.Hostname(), Port: u.Port()}
	if e.Port != "" {
		if n, err := strconv.Atoi(e.Port); err != nil || n < 1 || n > 65535 {
			return Endpoint{}, fmt.Errorf("endpoint %q: port must be 1-65535", s)
		}
	}
	if scheme == "http" && !IsLoopback(e.Host) {
		return Endpoint{}, fmt.Errorf("endpoint %q: plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https", s)
	}
	return e, nil
}
