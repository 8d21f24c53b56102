package providers

// CLI says how one API is called through its cloud's own command-line tool. Each API's file in
// package catalog names it beside the API's flow and provider spec; the provider puts it in
// the API's Target and providers/clicmd renders it.
type CLI struct {
	Tool      string // executable: "aliyun" or "hcloud"
	Service   string // aliyun product code (lower case) or KooCLI service name
	Operation string // API name as the CLI knows it
	File      string // hcloud: the JSON input file the snippet writes
	Preview   string // the CLI's flag that shows the request without sending it
}
