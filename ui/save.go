package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// savedMsg is the result of writing the order file.
type savedMsg struct {
	path   string
	err    error
	exists bool // the file exists and overwrite was not confirmed
}

// defaultSavePath names a new order file after the API and the time, so saves never collide
// by accident: ./order-alibaba-pai-CreateProductOrders-20250101-120000.json.
func (m *Model) defaultSavePath() string {
	name := "order-" + strings.ReplaceAll(string(m.api.ID), "/", "-") + "-" + m.o.now().Format("20060102-150405") + ".json"
	if m.o.SaveDir == "" {
		return "./" + name
	}
	return filepath.Join(m.o.SaveDir, name)
}

// startSave opens the path prompt with the default path.
func (m *Model) startSave() {
	m.saving = true
	m.saveInput.SetValue(m.defaultSavePath())
	m.saveInput.CursorEnd()
	m.saveInput.Focus()
}

// keySave edits the path; enter writes, esc cancels.
func (m *Model) keySave(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys()
	switch {
	case matches(msg, k.Pick):
		path := strings.TrimSpace(m.saveInput.Value())
		if path == "" {
			return nil
		}
		m.saving = false
		m.saveInput.Blur()
		m.savePath = path
		return m.saveCmd(path, false)
	case matches(msg, k.Cancel):
		m.saving = false
		m.saveInput.Blur()
		return nil
	}
	m.saveInput.Update(msg)
	return nil
}

// saveCmd writes the order file, mode 0600, refusing to replace an existing file unless the
// person said so.
func (m *Model) saveCmd(path string, overwrite bool) tea.Cmd {
	data, err := m.order.MarshalFile()
	return func() tea.Msg {
		if err != nil {
			return savedMsg{path: path, err: fmt.Errorf("render order file: %w", err)}
		}
		return writeOrder(path, data, overwrite)
	}
}

func writeOrder(path string, data []byte, overwrite bool) savedMsg {
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if overwrite {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return savedMsg{path: path, exists: true}
	}
	if err != nil {
		return savedMsg{path: path, err: err}
	}
	if overwrite {
		_ = f.Chmod(0o600) // an existing file keeps its mode otherwise
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return savedMsg{path: path, err: fmt.Errorf("write %s: %w", path, err)}
	}
	if err := f.Close(); err != nil {
		return savedMsg{path: path, err: fmt.Errorf("write %s: %w", path, err)}
	}
	return savedMsg{path: path}
}

func (m *Model) gotSaved(msg savedMsg) {
	switch {
	case msg.exists:
		m.savePath = msg.path
		m.ask = askOverwrite
	case msg.err != nil:
		m.notice, m.noticeBad = flows.Tf(txtSaveFailed.EN, txtSaveFailed.ZH, msg.err).In(m.lang), true
	default:
		m.notice, m.noticeBad = flows.Tf(txtSaved.EN, txtSaved.ZH, msg.path).In(m.lang), false
		m.out.Saved = append(m.out.Saved, msg.path)
	}
}
