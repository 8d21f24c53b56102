package ui

import (
	"charm.land/bubbles/v2/key"

	"cloudorder/i18n"
)

// Every screen has its own KeyMap of key.Bindings (the huh habit: one KeyMap per widget,
// gathered in one place). A screen enables the bindings that apply where the person is
// before it matches a key (bubbles list's updateKeybindings), so a disabled binding neither
// matches nor shows in the help bar, and no key is ever compared as a string.

// quitHint is the one hint for quitting: "q/ctrl+c" where q quits, else "ctrl+c".
func quitHint(q, interrupt key.Binding) key.Binding {
	if !q.Enabled() {
		return interrupt
	}
	return key.NewBinding(key.WithKeys(append(q.Keys(), interrupt.Keys()...)...),
		key.WithHelp(q.Help().Key+"/"+interrupt.Help().Key, interrupt.Help().Desc))
}

func bind(lang i18n.Lang, keys []string, label string, desc i18n.Text) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc.In(lang)))
}

// FormKeyMap is the keys of a step's form.
type FormKeyMap struct {
	Up, Down   key.Binding
	Next       key.Binding // enter: the next field still needing an answer, or the next step
	Prev       key.Binding // shift+tab: the previous field
	Back       key.Binding // esc: the previous step
	Change     key.Binding // ←/→ on a pick-one or yes/no field (the hint; Left and Right match)
	Left       key.Binding
	Right      key.Binding
	Toggle     key.Binding // space on a yes/no field
	List       key.Binding // tab: open the list of values
	Accept     key.Binding // tab in a text field showing a suggestion: take it
	Add        key.Binding // a repeated group: add an item
	Remove     key.Binding // a group or item: remove one
	HelpScroll key.Binding // pgup/pgdn: scroll the help panel
	HelpUp     key.Binding
	HelpDown   key.Binding
	Keys       key.Binding // ? (f1 in a text field, where ? is text): the field's help and every key
	CloseHelp  key.Binding // esc while the help is open: back to the form
	Quit       key.Binding // q, outside text fields
	Interrupt  key.Binding // ctrl+c
}

// DefaultFormKeyMap returns the form's keys with help in lang.
func DefaultFormKeyMap(lang i18n.Lang) FormKeyMap {
	b := func(keys []string, label string, desc i18n.Text) key.Binding { return bind(lang, keys, label, desc) }
	return FormKeyMap{
		Up:         b([]string{"up"}, "↑/↓", khMove),
		Down:       b([]string{"down"}, "↓", khMove),
		Next:       b([]string{"enter"}, "enter", khNext),
		Prev:       b([]string{"shift+tab"}, "shift+tab", khPrevField),
		Back:       b([]string{"esc"}, "esc", khBack),
		Change:     b([]string{"left", "right"}, "←/→", khChange),
		Left:       b([]string{"left"}, "←", khChange),
		Right:      b([]string{"right"}, "→", khChange),
		Toggle:     b([]string{"space"}, "space", khToggle),
		List:       b([]string{"tab"}, "tab", khList),
		Accept:     b([]string{"tab"}, "tab", khAccept),
		Add:        b([]string{"a", "+"}, "a/+", khAdd),
		Remove:     b([]string{"x", "-"}, "x/-", khRemove),
		HelpScroll: b([]string{"pgup", "pgdown"}, "pgup/pgdn", khHelpScroll),
		HelpUp:     b([]string{"pgup"}, "pgup", khHelpScroll),
		HelpDown:   b([]string{"pgdown"}, "pgdn", khHelpScroll),
		Keys:       b([]string{"?", "f1"}, "?", khHelp),
		CloseHelp:  b([]string{"esc"}, "esc", khCloseHelp),
		Quit:       b([]string{"q"}, "q", khQuit),
		Interrupt:  b([]string{"ctrl+c"}, "ctrl+c", khQuit),
	}
}

// ShortHelp implements help.KeyMap, most useful first (hints are dropped from the end when
// the window is narrow; quitting is always kept, see fitHelp).
func (k FormKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Up, k.Change, k.Toggle, k.List, k.Accept, k.Add, k.Remove, k.Back, k.Prev, k.HelpScroll, k.Keys, quitHint(k.Quit, k.Interrupt)}
}

// FullHelp implements help.KeyMap.
func (k FormKeyMap) FullHelp() [][]key.Binding {
	// Columns that do not fit are dropped from the right: moving and quitting come first.
	return [][]key.Binding{
		{k.Next, k.Up, k.Prev, k.Back, quitHint(k.Quit, k.Interrupt)},
		{k.Change, k.Toggle, k.List, k.Accept, k.Add, k.Remove},
		{k.HelpScroll, k.Keys}, // CloseHelp (esc) is said by Keys while the help is open
	}
}

// ListKeyMap is the keys of an open list of values (a field's values, or review's fields).
type ListKeyMap struct {
	Up, Down  key.Binding
	Pick      key.Binding
	Cancel    key.Binding
	Erase     key.Binding // backspace: shorten the filter
	Keys      key.Binding // f1 (? is filter text here): the field's help; off unless the screen acts on it
	Interrupt key.Binding
}

// DefaultListKeyMap returns the list's keys with help in lang.
func DefaultListKeyMap(lang i18n.Lang) ListKeyMap {
	b := func(keys []string, label string, desc i18n.Text) key.Binding { return bind(lang, keys, label, desc) }
	return ListKeyMap{
		Up:        b([]string{"up"}, "↑/↓", khMove),
		Down:      b([]string{"down"}, "↓", khMove),
		Pick:      b([]string{"enter"}, "enter", khPick),
		Cancel:    b([]string{"esc", "tab"}, "esc", khCancel),
		Erase:     b([]string{"backspace"}, "⌫", khErase),
		Keys:      withEnabled(b([]string{"f1"}, "f1", khHelp), false),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", khQuit),
	}
}

func withEnabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

// ShortHelp implements help.KeyMap.
func (k ListKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pick, k.Up, k.Cancel, k.Erase, k.Keys, k.Interrupt}
}

// FullHelp implements help.KeyMap.
func (k ListKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ReviewKeyMap is the keys of the review.
type ReviewKeyMap struct {
	Place      key.Binding // y: the only key that places an order
	Check      key.Binding // n after an unknown outcome: ask the cloud's orders (check.go)
	Save       key.Binding
	Edit       key.Binding // e: jump to a field
	Back       key.Binding
	Pane       key.Binding // tab / →: the next view (summary → JSON → command)
	PanePrev   key.Binding // shift+tab / ←: the previous view
	Copy       key.Binding // c on the command view: copy it (review_cli.go)
	Shell      key.Binding // x on the command view: the next shell
	ScrollUp   key.Binding
	ScrollDown key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	Enter      key.Binding // enter: never places; explains y
	NoPlace    key.Binding // y where orders are not placed (dry run): explains why
	Keys       key.Binding
	Quit       key.Binding
	Interrupt  key.Binding
}

// DefaultReviewKeyMap returns the review's keys with help in lang.
func DefaultReviewKeyMap(lang i18n.Lang) ReviewKeyMap {
	b := func(keys []string, label string, desc i18n.Text) key.Binding { return bind(lang, keys, label, desc) }
	return ReviewKeyMap{
		Place:      b([]string{"y"}, "y", khPlace),
		Check:      key.NewBinding(key.WithDisabled()), // enabled by the review (checkBinding)
		Save:       b([]string{"s"}, "s", khSave),
		Edit:       b([]string{"e"}, "e", khEdit),
		Back:       b([]string{"esc"}, "esc", khBack),
		Pane:       b([]string{"tab", "right"}, "tab", khPane),
		PanePrev:   b([]string{"shift+tab", "left"}, "shift+tab", khPane),
		Copy:       b([]string{"c"}, "c", khCopyCommand),
		Shell:      b([]string{"x"}, "x", khShell),
		ScrollUp:   b([]string{"up", "k"}, "↑/↓", khScroll),
		ScrollDown: b([]string{"down", "j"}, "↓", khScroll),
		PageUp:     b([]string{"pgup"}, "pgup/pgdn", khPage),
		PageDown:   b([]string{"pgdown", "space"}, "pgdn", khPage),
		Enter:      b([]string{"enter"}, "enter", khNext),
		NoPlace:    b([]string{"y"}, "y", khPlace),
		Keys:       b([]string{"?", "f1"}, "?", khHelp),
		Quit:       b([]string{"q"}, "q", khQuit),
		Interrupt:  b([]string{"ctrl+c"}, "ctrl+c", khQuit),
	}
}

// ShortHelp implements help.KeyMap.
func (k ReviewKeyMap) ShortHelp() []key.Binding {
	// c and x (only on the command view) go before tab: there they matter more than the
	// way back, which drops first on a narrow window.
	return []key.Binding{k.Place, k.Check, k.Save, k.Copy, k.Shell, k.Pane, k.Edit, k.ScrollUp, k.Back, k.PageUp, k.Keys, quitHint(k.Quit, k.Interrupt)}
}

// FullHelp implements help.KeyMap.
func (k ReviewKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Place, k.Check, k.Save, k.Edit, k.Back, quitHint(k.Quit, k.Interrupt)},
		{k.ScrollUp, k.PageUp, k.Pane, k.Copy, k.Shell, k.Keys},
	}
}

// PromptKeyMap is the keys of the save prompt.
type PromptKeyMap struct {
	Write, Cancel, Interrupt key.Binding
}

// DefaultPromptKeyMap returns the save prompt's keys with help in lang.
func DefaultPromptKeyMap(lang i18n.Lang) PromptKeyMap {
	return PromptKeyMap{
		Write:     bind(lang, []string{"enter"}, "enter", khWrite),
		Cancel:    bind(lang, []string{"esc"}, "esc", khCancel),
		Interrupt: bind(lang, []string{"ctrl+c"}, "ctrl+c", khQuit),
	}
}

// ShortHelp implements help.KeyMap.
func (k PromptKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Write, k.Cancel, k.Interrupt} }

// FullHelp implements help.KeyMap.
func (k PromptKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// FlightKeyMap is the keys while an order is in flight: only ctrl+c, which asks first.
type FlightKeyMap struct{ Interrupt key.Binding }

// ShortHelp implements help.KeyMap.
func (k FlightKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Interrupt} }

// FullHelp implements help.KeyMap.
func (k FlightKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ResultKeyMap is the keys of the result screen.
type ResultKeyMap struct {
	Copy, Done, Keys, Interrupt key.Binding
	Pay                         key.Binding // an order created unpaid: p asks, then y pays
}

// DefaultResultKeyMap returns the result's keys with help in lang.
func DefaultResultKeyMap(lang i18n.Lang) ResultKeyMap {
	return ResultKeyMap{
		Copy:      bind(lang, []string{"c"}, "c", khCopy),
		Done:      bind(lang, []string{"q", "enter", "esc"}, "q/enter", khDone),
		Keys:      bind(lang, []string{"?", "f1"}, "?", khHelp),
		Interrupt: bind(lang, []string{"ctrl+c"}, "ctrl+c", khQuit),
		Pay:       bind(lang, []string{"p"}, "p", khPay),
	}
}

// ShortHelp implements help.KeyMap.
func (k ResultKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pay, k.Done, k.Copy, k.Keys, k.Interrupt}
}

// FullHelp implements help.KeyMap.
func (k ResultKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// AskKeyMap is the keys of an open yes/no question.
type AskKeyMap struct {
	Yes, No, Interrupt key.Binding
	// Again stands for Yes where y does not answer: "Place it AGAIN?" takes the typed word
	// (placement.AskPlaceAgain). It is shown, never matched: no key press is "again".
	Again key.Binding
}

// DefaultAskKeyMap returns the question's keys with help in lang.
func DefaultAskKeyMap(lang i18n.Lang) AskKeyMap {
	return AskKeyMap{
		Yes:       bind(lang, []string{"y"}, "y", khYes),
		No:        bind(lang, []string{"n", "esc"}, "n/esc", khNo),
		Interrupt: bind(lang, []string{"ctrl+c"}, "ctrl+c", khQuit),
		Again:     bind(lang, []string{"again"}, "again", khTypeAgain),
	}
}

// ShortHelp implements help.KeyMap.
func (k AskKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No, k.Interrupt} }

// FullHelp implements help.KeyMap.
func (k AskKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// keyBinding is key.Binding, short for the footer helpers.
type keyBinding = key.Binding
