package main

// cmdSandbox is owned by the issue that builds it; until then it says so.
func cmdSandbox(args []string, c *cli) int {
	_ = args
	c.stderr.Write([]byte("cloudorder: sandbox is not built yet\n"))
	return exitUsage
}
