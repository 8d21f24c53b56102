package main

// cmdHistory is owned by the issue that builds it; until then it says so.
func cmdHistory(args []string, c *cli) int {
	_ = args
	c.stderr.Write([]byte("cloudorder: history is not built yet\n"))
	return exitUsage
}
