package main

// cmdSubmit is owned by the issue that builds it; until then it says so.
func cmdSubmit(args []string, c *cli) int {
	_ = args
	c.stderr.Write([]byte("cloudorder: submit is not built yet\n"))
	return exitUsage
}
