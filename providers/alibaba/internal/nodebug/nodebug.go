// Package nodebug switches off alibaba-cloud-sdk-go's debug output before the SDK can turn it
// on. With "sdk" in $DEBUG the SDK prints every request's headers (the access key id, the STS
// token) and every answer to stdout (sdk/utils/debug.go, sdk/client.go), which leaks
// credentials and breaks --output json. The SDK decides once, while its packages are
// initialised, and keeps the choice in unexported variables, so the word has to be gone from
// the environment before then. This package imports only os and strings and its path sorts
// before github.com/…, so Go initialises it first: packages are initialised in import-path
// order as soon as their imports are (https://go.dev/ref/spec#Package_initialization).
// credentials-go does the same with "credential" (github.com/alibabacloud-go/debug: every STS
// and metadata request's headers, the metadata token among them) and the Tea stack with "tea":
// those words go too.
package nodebug

import (
	"os"
	"strings"
)

// silenced are the words that switch on a credential-leaking debug output.
var silenced = map[string]bool{"sdk": true, "credential": true, "tea": true}

func init() {
	v, ok := os.LookupEnv("DEBUG")
	if !ok {
		return
	}
	var keep []string
	for _, part := range strings.Split(v, ",") {
		if !silenced[part] {
			keep = append(keep, part)
		}
	}
	if len(keep) == 0 {
		_ = os.Unsetenv("DEBUG")
		return
	}
	_ = os.Setenv("DEBUG", strings.Join(keep, ","))
}
