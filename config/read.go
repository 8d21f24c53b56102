package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// FileKind is what a person's file is: the words its messages use and the most cloudorder
// reads of it. A settings or credentials file is a few hundred bytes and an order a few KiB;
// the bound keeps a wrong file (a log, a disk image, /dev/zero) from being read into memory.
type FileKind struct {
	Name i18n.Text
	Max  int64
}

// The kinds of a person's file cloudorder reads.
var (
	SettingsFile    = FileKind{Name: i18n.T("settings file", "设置文件"), Max: 1 << 20}
	CredentialsFile = FileKind{Name: i18n.T("credentials file", "凭证文件"), Max: 1 << 20}
	OrderFile       = FileKind{Name: i18n.T("order file", "订单文件"), Max: flows.MaxFileSize}
)

// FileRefusal is a person's file that ReadPersonFile would not read: not a regular file, or
// larger than its kind allows. Nothing of it was read. The message is the same for every
// kind of file and every command.
type FileRefusal struct {
	Path string
	Kind FileKind
	Why  i18n.Text
}

func (e *FileRefusal) Error() string { return e.Text().EN }

// Text is the refusal in both languages.
func (e *FileRefusal) Text() i18n.Text {
	return i18n.Tf("%s %s refused: %s", "%s %s 被拒绝:%s", e.Kind.Name, e.Path, e.Why)
}

// ReadPersonFile reads a file the person keeps — config.toml, a credentials file, an order
// file — once, whole, through the one guard all of them share: only a regular file (a symlink
// to one is fine) is opened, a FIFO, socket or device is refused at once without waiting on
// it, and a file over kind.Max is refused without reading past the bound. A missing file is
// an error matching errors.Is(err, fs.ErrNotExist); a refusal is a *FileRefusal.
func ReadPersonFile(path string, kind FileKind) ([]byte, error) {
	// Stat (following symlinks) before opening: opening a FIFO waits for a writer and opening
	// a device can act on it, so what is not a regular file is never opened.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, kind, st); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the path be swapped for a FIFO between Stat and open, opening does
	// not wait; the Stat of the open file below then refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(path, kind, st); err != nil {
		return nil, err
	}
	return ReadPersonStream(path, f, kind) // the file may have grown since Stat: bounded again
}

func checkRegular(path string, kind FileKind, st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		why := i18n.Tf("it is %s, not a regular file; only regular files are read",
			"它是%s,不是普通文件;只读取普通文件", fileType(st.Mode()))
		if kind == OrderFile {
			why = i18n.Tf("%s (give - to read an order from standard input)", "%s(从标准输入读取订单请用 -)", why)
		}
		return &FileRefusal{Path: path, Kind: kind, Why: why}
	}
	if st.Size() > kind.Max {
		return tooLarge(path, kind)
	}
	return nil
}

func tooLarge(path string, kind FileKind) error {
	return &FileRefusal{Path: path, Kind: kind, Why: i18n.Tf(
		"it is larger than %s; nothing of it was read",
		"超过 %s;未读取任何内容", sizeWords(kind.Max))}
}

// ReadPersonStream reads what the person pipes in (an order on standard input, shown as
// name) with the same bound and the same refusal as ReadPersonFile.
func ReadPersonStream(name string, r io.Reader, kind FileKind) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, kind.Max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > kind.Max {
		return nil, tooLarge(name, kind)
	}
	return data, nil
}

// IsFileRefusal reports whether err is a refused person's file.
func IsFileRefusal(err error) bool {
	var r *FileRefusal
	return errors.As(err, &r)
}

func sizeWords(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func fileType(m fs.FileMode) i18n.Text {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return i18n.T("a FIFO (named pipe)", "命名管道(FIFO)")
	case m&fs.ModeSocket != 0:
		return i18n.T("a socket", "套接字")
	case m&fs.ModeCharDevice != 0:
		return i18n.T("a character device", "字符设备")
	case m&fs.ModeDevice != 0:
		return i18n.T("a block device", "块设备")
	case m.IsDir():
		return i18n.T("a directory", "目录")
	}
	return i18n.T("not a regular file", "非普通文件")
}
