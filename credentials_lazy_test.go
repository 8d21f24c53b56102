package main

import (
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"cloudorder/providers/sandbox"
)

// connectionCounter is a loopback listener that counts every connection made to it and
// closes each at once: a credential service that answers nothing.
func connectionCounter(t *testing.T) (addr string, count func() int64) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	var n atomic.Int64
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			_ = c.Close()
		}
	}()
	return l.Addr().String(), n.Load
}

// Credentials are resolved lazily: with credentials in modes that ask a service (an Alibaba
// credentials URI, a Huawei IdP federation whose IAM endpoint is a listener, every proxy
// variable pointing at it too), the command line's start-up, --help, completion, the man page
// and the offline commands contact nothing, in a real process. `credentials --check` does
// contact the listener with the same environment, so the listener would have seen them.
func TestCredentialsAreNotResolvedAtStartUpOrForHelp(t *testing.T) {
	addr, count := connectionCounter(t)
	token := filepath.Join(t.TempDir(), "id-token")
	writeTestFile(t, token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
	env := map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(),
		"ALIBABA_CLOUD_CREDENTIALS_URI": "http://" + addr + "/credentials",
		"HUAWEICLOUD_SDK_IDP_ID":        sandbox.HuaweiIdpID, "HUAWEICLOUD_SDK_ID_TOKEN_FILE": token,
		"HUAWEICLOUD_SDK_IAM_ENDPOINT": "http://" + addr,
		"HTTP_PROXY":                   "http://" + addr, "HTTPS_PROXY": "http://" + addr, "ALL_PROXY": "http://" + addr}
	order := "testdata/orders/alibaba-oss.json"
	for _, args := range [][]string{
		{}, // the wizard's start-up: without a terminal it refuses, having planned its credentials
		{"--help"}, {"--help", "--lang", "zh"}, {"submit", "--help"}, {"credentials", "--help"}, {"-v"},
		{"credentials"}, {"credentials", "--output", "json"},
		{"validate", order}, {"command", order}, {"explain"}, {"schema", "alibaba/pai/CreateProductOrders"}, {"history"},
		{"completion", "bash"}, {"completion", "zsh"}, {"man"},
		{"__complete", "submit", ""}, {"__complete", "--profile", ""},
	} {
		out, errOut, _ := runMain(t, env, args...)
		if n := count(); n != 0 {
			t.Fatalf("cloudorder %s contacted a credential service (%d connections)\n%s\n%s", strings.Join(args, " "), n, out, errOut)
		}
	}
	out, _, _ := runMain(t, env, "credentials", "--check")
	if count() == 0 {
		t.Fatalf("credentials --check did not reach the listener: the test proves nothing\n%s", out)
	}
}

// DEBUG=credential makes credentials-go print every credential request and answer (the
// metadata token, the issued key and its security token); DEBUG=tea the Tea stack's. In a real
// process resolving an ECS RAM role from the sandbox's metadata service, nothing of it shows.
func TestDebugCredentialLeaksNothing(t *testing.T) {
	s := startSandbox(t)
	env := map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(),
		"ALIBABA_CLOUD_ECS_METADATA": sandbox.AlibabaECSRoleName, "CLOUDORDER_CREDENTIAL_SERVICES": s.URL(),
		"HUAWEICLOUD_SDK_AK": "HWAK0000", "HUAWEICLOUD_SDK_SK": "s3cr3t-hw", "DEBUG": "credential,tea,sdk"}
	out, errOut, code := runMain(t, env, "credentials", "--check", "--output", "json")
	if code != 0 || !strings.Contains(out, `"ok":true`) {
		t.Fatalf("the role was not resolved (exit %d): the test proves nothing\n%s\n%s", code, out, errOut)
	}
	for _, leak := range []string{"> GET", "> PUT", "< HTTP", "X-aliyun-ecs-metadata-token", "SecurityToken", "AccessKeySecret", "s3cr3t"} {
		if strings.Contains(out+errOut, leak) {
			t.Errorf("output contains %q:\n%s\n%s", leak, out, errOut)
		}
	}
	if strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("stdout is not one JSON object:\n%s", out)
	}
}
