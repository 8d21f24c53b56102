package main

// cmdWizard is owned by the issue that builds it; until then it says so.
func cmdWizard(args []string, c *cli) int {
	_ = args
	c.stderr.Write([]byte("cloudorder: wizard is not built yet\n"))
	return exitUsage
}
