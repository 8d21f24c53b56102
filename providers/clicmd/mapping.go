// Package clicmd renders an order as the cloud's own CLI command — `aliyun` for Alibaba Cloud,
// `hcloud` (KooCLI) for Huawei Cloud — runnable as printed in a POSIX shell, PowerShell or
// cmd.exe, for reviewers and teams who run orders through their own toolchain.
package clicmd

import "cloudorder/providers"

// style is how a CLI takes the request.
type style int

const (
	// bodyArg: `aliyun <product> <Operation> --region R --endpoint HOST --body '<json>'`. The
	// aliyun CLI sends --body byte for byte (aliyun-cli openapi/commando.go, RESTful branch).
	bodyArg style = iota + 1
	// jsonInput: `hcloud <Service> <Operation> --cli-region=R --cli-jsonInput=FILE`, FILE holding
	// the parameters by position: {"path":{"project_id":…},"body":…} (KooCLI docs, "Passing API
	// Parameters with JSON File").
	jsonInput
)

// Mapping says how one API is called through its cloud's CLI: the mapping its catalog entry
// names (catalog/, carried by providers.Target.CLI), with the way its tool takes the request.
type Mapping struct {
	providers.CLI
	style style
}

// For returns the mapping of c, a target's CLI; ok is false when no CLI command is known for
// it (the zero CLI, or a tool this package does not render).
func For(c providers.CLI) (Mapping, bool) {
	switch c.Tool {
	case "aliyun":
		return Mapping{CLI: c, style: bodyArg}, true
	case "hcloud":
		return Mapping{CLI: c, style: jsonInput}, true
	}
	return Mapping{}, false
}
