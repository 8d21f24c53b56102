package clicmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ScriptPath names the command file saved beside an order file: order.json → order.aliyun.sh
// (.hcloud.ps1, .hcloud.cmd …), so a reviewer finds the two together.
func ScriptPath(orderPath string, m Mapping, sh Shell) string {
	base := strings.TrimSuffix(orderPath, filepath.Ext(orderPath))
	return base + "." + m.Tool + sh.Ext()
}

// ErrExists is returned by Save when the script exists and overwrite was not asked for.
var ErrExists = fs.ErrExist

// Save writes the rendered command beside the order file (ScriptPath), mode 0600 like order
// files, refusing to replace an existing file unless overwrite. It returns the path written.
// A cmd.exe script gets CRLF line ends (cmd.exe misreads labels and carets across bare LFs).
func Save(orderPath string, m Mapping, sh Shell, command string, overwrite bool) (string, error) {
	path := ScriptPath(orderPath, m, sh)
	if sh == CMD {
		command = strings.ReplaceAll(strings.ReplaceAll(command, "\r\n", "\n"), "\n", "\r\n")
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if overwrite {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return path, fmt.Errorf("%s: %w", path, ErrExists)
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
