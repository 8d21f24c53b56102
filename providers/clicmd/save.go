package clicmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cloudorder/flows"
)

// ScriptPath names the command file saved beside an order file: order.json → order.aliyun.sh
// (.hcloud.ps1, .hcloud.cmd …), so a reviewer finds the two together.
func ScriptPath(orderPath string, api flows.APIID, sh Shell) string {
	base := strings.TrimSuffix(orderPath, filepath.Ext(orderPath))
	tool := "cli"
	if m, ok := For(api); ok {
		tool = m.Tool
	}
	return base + "." + tool + sh.Ext()
}

// Save writes a command Render made for api and sh beside the order file (ScriptPath), mode
// 0600 like order files, refusing to replace an existing file unless overwrite (the error then
// matches errors.Is(err, fs.ErrExist)). It returns the path written (or refused).
// A cmd.exe script gets CRLF line ends (cmd.exe misreads labels and carets across bare LFs).
func Save(orderPath string, api flows.APIID, sh Shell, command string, overwrite bool) (string, error) {
	path := ScriptPath(orderPath, api, sh)
	if sh == CMD {
		command = strings.ReplaceAll(strings.ReplaceAll(command, "\r\n", "\n"), "\n", "\r\n")
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if overwrite {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return path, fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	if err != nil {
		return path, err
	}
	if overwrite {
		_ = f.Chmod(0o600) // an existing file keeps its mode otherwise
	}
	if _, err := f.WriteString(command); err != nil {
		f.Close()
		return path, fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return path, fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}
