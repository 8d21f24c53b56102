package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are every style the wizard draws with. They are built once per background (light or
// dark) and colour setting, never inside View.
type Styles struct {
	BannerSandbox, BannerDryRun, BannerLive, BannerLocal lipgloss.Style

	Crumb, CrumbDone, CrumbNow lipgloss.Style
	Title, Subtitle            lipgloss.Style

	Label, LabelFocused lipgloss.Style
	Value, ValueMuted   lipgloss.Style
	Marker              lipgloss.Style
	Heading             lipgloss.Style
	Required            lipgloss.Style

	Error, Warning, OK, Muted, Notice lipgloss.Style

	HelpTitle         lipgloss.Style
	Option, OptionNow lipgloss.Style

	JSON, SectionTitle lipgloss.Style
	ErrorPanel         lipgloss.Style
	IDValue            lipgloss.Style

	Help  help.Styles
	Input textinput.Styles
}

// NewStyles builds the styles for a dark or light background. noColor (NO_COLOR) keeps
// emphasis through bold, reverse and underline only, so LIVE stays loud without colour.
func NewStyles(isDark, noColor bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) lipgloss.Style {
		if noColor {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color(light), lipgloss.Color(dark)))
	}
	banner := func(bg string) lipgloss.Style {
		s := lipgloss.NewStyle().Bold(true).Padding(0, 1)
		if noColor {
			return s.Reverse(true)
		}
		return s.Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color(bg))
	}
	accent := c("#4B45C9", "#9E9BFF")
	muted := c("#666666", "#8C8C8C")

	s := Styles{
		BannerSandbox: banner("#0F766E"),
		BannerDryRun:  banner("#1D4ED8"),
		BannerLive:    banner("#B91C1C").Underline(true),
		BannerLocal:   banner("#B45309"),

		Crumb:     muted,
		CrumbDone: c("#1B7F3B", "#6CD68C"),
		CrumbNow:  accent.Bold(true).Underline(true),
		Title:     accent.Bold(true),
		Subtitle:  muted,

		Label:        lipgloss.NewStyle(),
		LabelFocused: accent.Bold(true),
		Value:        c("#0B6E99", "#7FD4FF"),
		ValueMuted:   muted.Italic(true),
		Marker:       accent.Bold(true),
		Heading:      c("#333333", "#DDDDDD").Bold(true),
		Required:     c("#B91C1C", "#FF7B7B"),

		Error:   c("#B91C1C", "#FF7B7B"),
		Warning: c("#8A5A00", "#F2C94C"),
		OK:      c("#1B7F3B", "#6CD68C").Bold(true),
		Muted:   muted,
		Notice:  c("#8A5A00", "#F2C94C").Bold(true),

		HelpTitle: accent.Bold(true),
		Option:    lipgloss.NewStyle(),
		OptionNow: accent.Bold(true),

		JSON:         c("#1F2937", "#E5E7EB"),
		SectionTitle: accent.Bold(true),
		ErrorPanel:   lipgloss.NewStyle().Border(lipgloss.ThickBorder(), false, false, false, true).PaddingLeft(1),
		IDValue:      c("#1B7F3B", "#6CD68C").Bold(true),

		Help:  help.DefaultStyles(isDark),
		Input: inputStyles(isDark, muted),
	}
	if !noColor {
		s.ErrorPanel = s.ErrorPanel.BorderForeground(ld(lipgloss.Color("#B91C1C"), lipgloss.Color("#FF7B7B")))
	} else {
		s.LabelFocused = s.LabelFocused.Reverse(true)
	}
	return s
}

// inputStyles are textinput's styles with a steady cursor: a blinking one would need a tick
// per blink and redraw the screen twice a second for nothing.
func inputStyles(isDark bool, muted lipgloss.Style) textinput.Styles {
	st := textinput.DefaultStyles(isDark)
	st.Cursor.Blink = false
	st.Focused.Placeholder = muted
	st.Blurred.Placeholder = muted
	st.Focused.Suggestion = muted
	return st
}
