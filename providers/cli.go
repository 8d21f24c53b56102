package providers

import (
	"sync"

	"cloudorder/flows"
)

// CLI says how one API is called through its cloud's own command-line tool. Each provider
// package registers it in the file that registers how the API is called (e.g.
// providers/huawei/dsc.go), so an API's CLI mapping lives with the rest of it;
// providers/clicmd renders it.
type CLI struct {
	Tool      string // executable: "aliyun" or "hcloud"
	Service   string // aliyun product code (lower case) or KooCLI service name
	Operation string // API name as the CLI knows it
	File      string // hcloud: the JSON input file the snippet writes
	Preview   string // the CLI's flag that shows the request without sending it
}

var (
	clisMu sync.RWMutex
	clis   = map[flows.APIID]CLI{}
)

// RegisterCLI records api's CLI mapping; provider packages call it from init.
func RegisterCLI(api flows.APIID, c CLI) {
	clisMu.Lock()
	defer clisMu.Unlock()
	clis[api] = c
}

// CLIFor returns api's CLI mapping; ok is false when none is registered.
func CLIFor(api flows.APIID) (CLI, bool) {
	clisMu.RLock()
	defer clisMu.RUnlock()
	c, ok := clis[api]
	return c, ok
}
