package clicmd

import (
	"path/filepath"
	"strings"

	"cloudorder/config"
	"cloudorder/providers"
)

// ScriptPath names the command file saved beside an order file: order.json → order.aliyun.sh
// (.hcloud.ps1, .hcloud.cmd …), so a reviewer finds the two together.
// c is the order's target's CLI.
func ScriptPath(orderPath string, c providers.CLI, sh Shell) string {
	base := strings.TrimSuffix(orderPath, filepath.Ext(orderPath))
	tool := "cli"
	if m, ok := For(c); ok {
		tool = m.Tool
	}
	return base + "." + tool + sh.Ext()
}

// Save writes a command Render made for a target's CLI c and sh beside the order file (ScriptPath), mode
// 0600 like order files, refusing to replace an existing file unless overwrite (the error then
// matches errors.Is(err, fs.ErrExist)). It returns the path written (or refused).
// A cmd.exe script gets CRLF line ends (cmd.exe misreads labels and carets across bare LFs).
func Save(orderPath string, c providers.CLI, sh Shell, command string, overwrite bool) (string, error) {
	path := ScriptPath(orderPath, c, sh)
	if sh == CMD {
		command = strings.ReplaceAll(strings.ReplaceAll(command, "\r\n", "\n"), "\n", "\r\n")
	}
	return path, config.WritePrivate(path, []byte(command), overwrite)
}
