package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// WritePrivate writes a file cloudorder makes for the person — an order file, a command
// script — with mode 0600, as the history is: an order names the account's resources. It
// never replaces an existing file unless overwrite (the error then matches
// errors.Is(err, fs.ErrExist)); a replaced file is given mode 0600 too, since an existing
// file keeps its mode otherwise.
func WritePrivate(path string, data []byte, overwrite bool) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if overwrite {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	if err != nil {
		return err
	}
	if overwrite {
		_ = f.Chmod(0o600)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
