package config

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"cloudorder/i18n"
)

// Endpoint is a validated --endpoint value: scheme://host[:port] and nothing else.
type Endpoint struct {
	Scheme string // "https", or "http" for loopback hosts only
	Host   string // host name or IP, without brackets or port
	Port   string // "" = the scheme's default
}

// String renders scheme://host[:port].
func (e Endpoint) String() string { return e.Scheme + "://" + e.HostPort() }

// HostPort renders host[:port], an IPv6 host in brackets: the endpoint without its scheme.
func (e Endpoint) HostPort() string {
	if e.Port != "" {
		return net.JoinHostPort(e.Host, e.Port)
	}
	if strings.Contains(e.Host, ":") {
		return "[" + e.Host + "]"
	}
	return e.Host
}

// IsLoopback reports whether host is 127.0.0.0/8, ::1 or localhost.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ParseEndpoint is the one gate every endpoint passes, whatever its source (--endpoint,
// config.toml, the Huawei SDK's HUAWEICLOUD_SDK_REGION_* variables or regions.yaml): it checks
// an endpoint before anything connects to it. Paths, queries, user info and fragments are
// refused rather than dropped: the person must see exactly where an order goes. Plain http is
// accepted only for loopback hosts, because order requests carry signed credentials. Errors
// never repeat the value (it may hold a password); callers name where it came from.
func ParseEndpoint(s string) (Endpoint, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return Endpoint{}, i18n.Errorf("not a URL: want scheme://host[:port]", "不是 URL:应为 scheme://host[:port]")
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return Endpoint{}, i18n.Errorf("want scheme://host[:port] with scheme https (or http for 127.0.0.1, ::1, localhost)", "应为 scheme://host[:port],scheme 为 https(127.0.0.1、::1、localhost 可用 http)")
	case u.Host == "" || u.Hostname() == "":
		return Endpoint{}, i18n.Errorf("no host: want scheme://host[:port]", "缺少主机:应为 scheme://host[:port]")
	case u.User != nil:
		return Endpoint{}, i18n.Errorf("user info is not allowed: credentials come from the environment or the SDK files", "不允许包含用户信息:凭证来自环境变量或 SDK 文件")
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
		return Endpoint{}, i18n.Errorf("only scheme://host[:port] is allowed, no path or query", "只允许 scheme://host[:port],不能带路径或查询参数")
	}
	e := Endpoint{Scheme: scheme, Host: u.Hostname(), Port: u.Port()}
	if e.Port != "" {
		if n, err := strconv.Atoi(e.Port); err != nil || n < 1 || n > 65535 {
			return Endpoint{}, i18n.Errorf("port must be 1-65535", "端口必须为 1-65535")
		}
	}
	if scheme == "http" && !IsLoopback(e.Host) {
		return Endpoint{}, i18n.Errorf("plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https", "明文 http 只允许用于本机回环地址(127.0.0.1、::1、localhost);请使用 https")
	}
	return e, nil
}

// EndpointError is an endpoint refused by ParseEndpoint, with where it came from.
type EndpointError struct {
	Source string // e.g. "--endpoint", "config.toml [endpoints] <api id>"
	Err    error
}

func (e *EndpointError) Error() string { return "endpoint from " + e.Source + ": " + e.Err.Error() }

// Text is the error in both languages.
func (e *EndpointError) Text() i18n.Text {
	return i18n.Text{EN: e.Error(), ZH: "来自 " + e.Source + " 的接入地址:" + i18n.TextOf(e.Err).ZH}
}

func (e *EndpointError) Unwrap() error { return e.Err }

// CheckEndpoint passes s through the gate (ParseEndpoint), naming its source in the error.
func CheckEndpoint(source, s string) (Endpoint, error) {
	ep, err := ParseEndpoint(s)
	if err != nil {
		return Endpoint{}, &EndpointError{Source: source, Err: err}
	}
	return ep, nil
}
