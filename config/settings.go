package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// Settings are the tool's own settings from config.toml (docs/design.md, "Environment and files").
type Settings struct {
	Lang      string                 // "en" or "zh"; "" = from the environment
	Regions   map[string]string      // default region per cloud: "alibaba", "huawei"
	Endpoints map[flows.APIID]string // endpoint override per API id
	// HuaweiSite is the Huawei account's site, for the price inquiry and payment (BSS):
	// "" the Chinese site, "intl" the international site, "eu" the European site.
	HuaweiSite string
}

// SettingsProblem is one line of config.toml that was not understood. Problems do not stop the
// tool: the rest of the file still applies, and the problem is shown.
type SettingsProblem struct {
	Path string
	Line int
	Msg  string
}

func (p SettingsProblem) String() string { return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg) }

// settingsKeys are the keys config.toml may hold, per table ("" = top level): [regions] is keyed
// by cloud, [endpoints] by API id, both read from the flows registry.
func settingsKeys() map[string][]string {
	keys := map[string][]string{"": {"lang"}, "regions": flows.Clouds(), "huawei": {"site"}}
	for _, a := range flows.APIs() {
		keys["endpoints"] = append(keys["endpoints"], string(a.ID))
	}
	return keys
}

// LoadSettings reads config.toml. A missing file is empty settings. Unknown tables and keys,
// and values that are not strings, are problems with their line numbers.
func LoadSettings(getenv func(string) string) (Settings, []SettingsProblem, error) {
	path := SettingsPath(getenv)
	data, err := ReadPersonFile(path, SettingsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Settings{}, nil, nil
	}
	if err != nil {
		return Settings{}, nil, fmt.Errorf("read settings %s: %w", path, err)
	}
	s, problems := ParseSettings(path, data)
	return s, problems, nil
}

// ParseSettings parses the TOML subset config.toml uses: comments, [table] headers, and
// key = "string" lines with bare or quoted keys. Anything else is reported, not guessed at.
func ParseSettings(path string, data []byte) (Settings, []SettingsProblem) {
	s := Settings{Regions: map[string]string{}, Endpoints: map[flows.APIID]string{}}
	var problems []SettingsProblem
	settingsKeys := settingsKeys()
	bad := func(line int, format string, args ...any) {
		problems = append(problems, SettingsProblem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || strings.HasPrefix(line, "[[") {
				bad(n, "malformed table header: want [name]")
				table = "?"
				continue
			}
			table = strings.TrimSpace(line[1 : len(line)-1])
			if _, ok := settingsKeys[table]; !ok {
				bad(n, "unknown table [%s]: known tables are [regions], [endpoints] and [huawei]", safeKey(table))
				table = "?"
			}
			continue
		}
		if table == "?" {
			continue // already reported the table
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			bad(n, "want key = \"value\"")
			continue
		}
		key, err := tomlKey(strings.TrimSpace(k))
		if err != nil {
			bad(n, "%v", err)
			continue
		}
		val, err := tomlString(strings.TrimSpace(v))
		if err != nil {
			bad(n, "%s: %v", safeKey(key), err)
			continue
		}
		if !known(settingsKeys, table, key) {
			where := "at the top level"
			if table != "" {
				where = "in [" + table + "]"
			}
			bad(n, "unknown key \"%s\" %s: known keys are %s", safeKey(key), where, strings.Join(settingsKeys[table], ", "))
			continue
		}
		switch table {
		case "":
			if _, ok := i18n.ParseLang(val); !ok || (val != "en" && val != "zh") {
				bad(n, "lang must be \"en\" or \"zh\"")
				continue
			}
			s.Lang = val
		case "regions":
			s.Regions[key] = val
		case "huawei":
			site, ok := huaweiSites[val]
			if !ok {
				bad(n, "site must be \"china\", \"intl\" or \"eu\"")
				continue
			}
			s.HuaweiSite = site
		case "endpoints":
			// Kept even when it does not pass the gate: the provider refuses it (ParseEndpoint)
			// before anything connects, instead of silently sending to the default endpoint.
			s.Endpoints[flows.APIID(key)] = val
		}
	}
	return s, problems
}

// huaweiSites are config.toml's words for a Huawei account's site, and the site each names
// (the values providers/huawei's Site constants take).
var huaweiSites = map[string]string{"china": "", "intl": "intl", "eu": "eu"}

// safeKey shows a key or table name in a warning: names are not secrets, but one that holds
// anything unprintable, or is long enough to be a pasted value, is not repeated.
func safeKey(k string) string {
	if len(k) > 64 {
		return "(a long name)"
	}
	for _, r := range k {
		if r < 0x20 || r == 0x7f {
			return "(a name with control characters)"
		}
	}
	return k
}

func known(settingsKeys map[string][]string, table, key string) bool {
	for _, k := range settingsKeys[table] {
		if k == key {
			return true
		}
	}
	return false
}

// stripComment drops a # comment that is not inside a quoted string.
func stripComment(line string) string {
	inStr := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inStr != 0 && c == '\\' && inStr == '"':
			i++
		case inStr != 0 && c == inStr:
			inStr = 0
		case inStr == 0 && (c == '"' || c == '\''):
			inStr = c
		case inStr == 0 && c == '#':
			return line[:i]
		}
	}
	return line
}

// tomlKey accepts a bare key (A-Za-z0-9_-) or a quoted one.
func tomlKey(k string) (string, error) {
	if strings.HasPrefix(k, "\"") || strings.HasPrefix(k, "'") {
		return tomlString(k)
	}
	if k == "" {
		return "", errors.New("empty key")
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", fmt.Errorf("a key with %q must be quoted", r)
		}
	}
	return k, nil
}

// tomlString accepts a basic "string" (with Go-compatible escapes) or a 'literal' string.
func tomlString(v string) (string, error) {
	switch {
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return v[1 : len(v)-1], nil
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		s, err := strconv.Unquote(v)
		if err != nil {
			return "", errors.New("malformed string")
		}
		return s, nil
	}
	return "", errors.New("value must be a quoted string")
}
