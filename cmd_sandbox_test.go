package main

import (
	"strings"
	"testing"
)

func TestSandboxCommandRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"sandbox", "--addr", "0.0.0.0:8790"}, "listens only on loopback"},
		{[]string{"sandbox", "--addr", ":8790"}, "listens only on loopback"},
		{[]string{"sandbox", "--port", "1"}, "unknown flag --port"},
		{[]string{"sandbox", "extra"}, `unexpected argument "extra"`},
	}
	for _, tc := range cases {
		_, stderr, code := runForTest(t, nil, "", tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestSandboxBannerTellsHowToUseIt(t *testing.T) {
	var out strings.Builder
	c := &cli{stdout: &out, getenv: func(string) string { return "" }}
	printSandboxBanner(c, "http://127.0.0.1:8790")
	for _, want := range []string{"SANDBOX listening on http://127.0.0.1:8790", "export ALIBABA_CLOUD_ACCESS_KEY_ID=", "HUAWEICLOUD_SDK_PROJECT_ID=", "--endpoint http://127.0.0.1:8790",
		"export CLOUDORDER_CREDENTIAL_SERVICES=http://127.0.0.1:8790", "export ALIBABA_CLOUD_ECS_METADATA=", "export HUAWEICLOUD_SDK_IDP_ID=",
		"export HUAWEICLOUD_SDK_IAM_ENDPOINT=http://127.0.0.1:8790"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, out.String())
		}
	}
}
