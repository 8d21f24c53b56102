package config

import (
	"os"
	"path/filepath"
)

// home is the user's home directory from the given environment, so tests can point HOME at a
// temporary directory; the process's own lookup is the last resort.
func home(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

// xdg returns $name when it is an absolute path (the XDG spec says relative ones are ignored),
// else ~/fallback.
func xdg(getenv func(string) string, name, fallback string) string {
	if d := getenv(name); d != "" && filepath.IsAbs(d) {
		return d
	}
	return filepath.Join(home(getenv), fallback)
}

// SettingsPath is the tool's settings file: $XDG_CONFIG_HOME/cloudorder/config.toml, falling
// back to ~/.config/cloudorder/config.toml.
func SettingsPath(getenv func(string) string) string {
	return filepath.Join(xdg(getenv, "XDG_CONFIG_HOME", ".config"), "cloudorder", "config.toml")
}

// HistoryPath is the order journal: $XDG_STATE_HOME/cloudorder/orders.jsonl, falling back to
// ~/.local/state/cloudorder/orders.jsonl.
func HistoryPath(getenv func(string) string) string {
	return filepath.Join(xdg(getenv, "XDG_STATE_HOME", filepath.Join(".local", "state")), "cloudorder", "orders.jsonl")
}

// SandboxStatePath is the in-process sandbox's order book (--sandbox), kept across commands
// so submit, pay and status see the same orders: $XDG_STATE_HOME/cloudorder/sandbox/orders.json.
func SandboxStatePath(getenv func(string) string) string {
	return filepath.Join(xdg(getenv, "XDG_STATE_HOME", filepath.Join(".local", "state")), "cloudorder", "sandbox", "orders.json")
}
