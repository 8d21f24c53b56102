package ui

import (
	"charm.land/bubbles/v2/key"

	"cloudorder/flows"
)

// KeyMap is every key the wizard knows. One vocabulary across screens: bindings that do not
// apply where the person is are disabled, so they neither match nor show in the help bar.
type KeyMap struct {
	Up, Down     key.Binding
	Next         key.Binding // enter: next field; from the last field, next step
	Back         key.Binding // esc / shift+tab: previous step (answers kept)
	Change       key.Binding // ←/→ on a pick-one field: previous/next value
	Toggle       key.Binding // space on a yes/no field
	List         key.Binding // tab: open the list of values
	Pick, Cancel key.Binding // in an open list
	Add, Remove  key.Binding // on a repeated group
	Place        key.Binding // y on review
	Save         key.Binding // s on review
	ScrollUp     key.Binding
	ScrollDown   key.Binding
	PageUp       key.Binding
	PageDown     key.Binding
	Copy         key.Binding // c on the result
	Yes, No      key.Binding // in a confirmation
	Help         key.Binding
	Quit         key.Binding // ctrl+c
	Done         key.Binding // q / enter on the result
}

// DefaultKeyMap returns the wizard's keys with help in lang.
func DefaultKeyMap(lang flows.Lang) KeyMap {
	b := func(keys []string, k string, desc flows.Text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc.In(lang)))
	}
	return KeyMap{
		Up:         b([]string{"up"}, "↑/↓", khMove),
		Down:       b([]string{"down"}, "↓", khMove),
		Next:       b([]string{"enter"}, "enter", khNext),
		Back:       b([]string{"esc", "shift+tab"}, "esc", khBack),
		Change:     b([]string{"left", "right"}, "←/→", khChange),
		Toggle:     b([]string{"space"}, "space", khToggle),
		List:       b([]string{"tab"}, "tab", khList),
		Pick:       b([]string{"enter"}, "enter", khPick),
		Cancel:     b([]string{"esc"}, "esc", khCancel),
		Add:        b([]string{"a", "+"}, "a/+", khAdd),
		Remove:     b([]string{"x", "-"}, "x/-", khRemove),
		Place:      b([]string{"y"}, "y", khPlace),
		Save:       b([]string{"s"}, "s", khSave),
		ScrollUp:   b([]string{"up", "k"}, "↑/↓", khScroll),
		ScrollDown: b([]string{"down", "j"}, "↓", khScroll),
		PageUp:     b([]string{"pgup"}, "pgup/pgdn", khPage),
		PageDown:   b([]string{"pgdown", "space"}, "pgdn", khPage),
		Copy:       b([]string{"c"}, "c", khCopy),
		Yes:        b([]string{"y"}, "y", khYes),
		No:         b([]string{"n", "esc"}, "n/esc", khNo),
		Help:       b([]string{"?", "f1"}, "?", khHelp),
		Quit:       b([]string{"ctrl+c"}, "ctrl+c", khQuit),
		Done:       b([]string{"q", "enter", "esc"}, "q/enter", khDone),
	}
}

// keyBit names one binding of KeyMap, for choosing which are enabled.
type keyBit uint32

const (
	kUp keyBit = 1 << iota
	kDown
	kNext
	kBack
	kChange
	kToggle
	kList
	kPick
	kCancel
	kAdd
	kRemove
	kPlace
	kSave
	kScrollUp
	kScrollDown
	kPageUp
	kPageDown
	kCopy
	kYes
	kNo
	kHelp
	kQuit
	kDone
)

// bindings lists k's bindings in keyBit order, as pointers into k.
func (k *KeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.Next, &k.Back, &k.Change, &k.Toggle, &k.List, &k.Pick,
		&k.Cancel, &k.Add, &k.Remove, &k.Place, &k.Save, &k.ScrollUp, &k.ScrollDown, &k.PageUp,
		&k.PageDown, &k.Copy, &k.Yes, &k.No, &k.Help, &k.Quit, &k.Done}
}

// only returns a copy of k where just the bindings in set are enabled.
func (k KeyMap) only(set keyBit) KeyMap {
	for i, b := range k.bindings() {
		b.SetEnabled(set&(1<<i) != 0)
	}
	return k
}

// ShortHelp implements help.KeyMap: the keys that matter where the person is.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Next, k.Back, k.Change, k.Toggle, k.List, k.Pick, k.Cancel,
		k.Add, k.Remove, k.Place, k.Save, k.ScrollUp, k.Copy, k.Yes, k.No, k.Done, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Next, k.Back},
		{k.Change, k.Toggle, k.List, k.Pick, k.Cancel},
		{k.Add, k.Remove, k.Place, k.Save},
		{k.ScrollUp, k.PageUp, k.Copy, k.Yes, k.No},
		{k.Done, k.Help, k.Quit},
	}
}
