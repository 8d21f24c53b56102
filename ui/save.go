package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cloudorder/config"
	"cloudorder/flows"
)

// savedMsg is the result of writing the order file.
type savedMsg struct {
	path   string
	err    error
	exists bool // the file exists and overwrite was not confirmed
}

// savePrompt asks where to write the order file (dry-run's output and the way to fix the
// environment and come back with --from).
type savePrompt struct {
	s     *session
	km    PromptKeyMap
	input textinput.Model
	path  string // what enter chose, for the overwrite question
	// What the person decided; the root acts on it after Update.
	write, cancel bool
	quit          tea.Cmd
	w             int
}

func newSavePrompt(s *session) *savePrompt {
	in := textinput.New()
	in.Prompt = ""
	in.SetStyles(s.st.Input)
	return &savePrompt{s: s, km: DefaultPromptKeyMap(s.lang), input: in}
}

// open starts the prompt with a default path that never collides by accident:
// ./order-alibaba-pai-CreateProductOrders-20250101-120000.json.
func (p *savePrompt) open() tea.Cmd {
	s := p.s
	name := flows.Order{API: s.api.ID}.FileName(s.o.now())
	path := "./" + name
	if s.o.SaveDir != "" {
		path = filepath.Join(s.o.SaveDir, name)
	}
	p.write, p.cancel = false, false
	p.input.SetValue(path)
	p.input.CursorEnd()
	return p.input.Focus()
}

// ShortHelp implements help.KeyMap.
func (p *savePrompt) ShortHelp() []key.Binding { return p.km.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p *savePrompt) FullHelp() [][]key.Binding { return p.km.FullHelp() }

// SetSize gives the prompt the window's width.
func (p *savePrompt) SetSize(w, _ int) { p.w = w }

// Update edits the path; enter writes, esc cancels.
func (p *savePrompt) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(m, p.km.Write):
			if path := strings.TrimSpace(p.input.Value()); path != "" {
				p.path, p.write = path, true
				p.input.Blur()
			}
			return nil
		case key.Matches(m, p.km.Cancel):
			p.cancel = true
			p.input.Blur()
			return nil
		case key.Matches(m, p.km.Interrupt):
			p.quit = p.s.quit()
			return nil
		}
	}
	if m, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: oneLine(m.Content, false)}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// View is the prompt line.
func (p *savePrompt) View() string {
	label := p.s.st.Title.Render(p.s.say(txtSaveAsk) + ": ")
	setInputWidth(&p.input, max(p.w-lipgloss.Width(label)-1, 4))
	return label + p.input.View()
}

// saveCmd writes the order file, mode 0600, refusing to replace an existing file unless the
// person said so.
func saveCmd(o flows.Order, path string, overwrite bool) tea.Cmd {
	data, err := o.MarshalFile()
	return func() tea.Msg {
		if err != nil {
			return savedMsg{path: path, err: fmt.Errorf("render order file: %w", err)}
		}
		return writeOrder(path, data, overwrite)
	}
}

func writeOrder(path string, data []byte, overwrite bool) savedMsg {
	err := config.WritePrivate(path, data, overwrite)
	if errors.Is(err, fs.ErrExist) {
		return savedMsg{path: path, exists: true}
	}
	return savedMsg{path: path, err: err}
}
