package config

import (
	"bytes"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/inert"
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

// SettingsProblem is one place in config.toml that is not valid TOML, or not a setting
// cloudorder knows, or not a value it takes.
type SettingsProblem struct {
	Path         string
	Line, Column int // 1-based
	Msg          i18n.Text
}

// Text is "path:line:column: rule" in both languages.
func (p SettingsProblem) Text() i18n.Text {
	return i18n.Tf("%s:%d:%d: %s", "%s:%d:%d:%s", p.Path, p.Line, p.Column, p.Msg)
}

func (p SettingsProblem) String() string { return p.Text().EN }

// SettingsError is a config.toml that cannot be used as written. Since the file may decide
// where orders go ([endpoints]), live orders are refused until it is fixed; a dry run or the
// sandbox goes on without it, after saying so.
type SettingsError struct {
	Path     string
	Problems []SettingsProblem
}

func (e *SettingsError) Error() string { return e.Text().EN }

// Text lists every problem, one a line.
func (e *SettingsError) Text() i18n.Text {
	var en, zh []string
	for _, p := range e.Problems {
		t := p.Text()
		en, zh = append(en, t.EN), append(zh, t.ZH)
	}
	return i18n.T(strings.Join(en, "\n"), strings.Join(zh, "\n"))
}

// settingsFile is config.toml's shape. [regions] and [endpoints] are maps, their keys checked
// against the APIs cloudorder orders with (knownSetting) with the place each key is written.
type settingsFile struct {
	Lang      *string           `toml:"lang"`
	Regions   map[string]string `toml:"regions"`
	Endpoints map[string]string `toml:"endpoints"`
	Huawei    struct {
		Site *string `toml:"site"`
	} `toml:"huawei"`
}

// LoadSettings reads config.toml through the bounded reader. A missing file is empty
// settings. A file that cannot be read, is not valid TOML, or holds a key or value cloudorder
// does not know is an error (a *SettingsError names file, line and column) and no setting of
// it applies. apis are the APIs [regions] and [endpoints] may name (catalog.Flows()).
func LoadSettings(getenv func(string) string, apis flows.Registry) (Settings, error) {
	path := SettingsPath(getenv)
	data, err := ReadPersonFile(path, SettingsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Settings{}, nil
	}
	if err != nil {
		return Settings{}, err
	}
	return ParseSettings(path, data, apis)
}

// ParseSettings decodes config.toml with go-toml (any valid TOML: multi-line strings, dotted
// keys, inline tables; a key or table given twice is an error). On error no setting applies.
// apis are the APIs [regions] and [endpoints] may name.
func ParseSettings(path string, data []byte, apis flows.Registry) (Settings, error) {
	fail := func(problems ...SettingsProblem) (Settings, error) {
		return Settings{}, &SettingsError{Path: path, Problems: problems}
	}
	problem := func(line, col int, msg i18n.Text) SettingsProblem {
		return SettingsProblem{Path: path, Line: line, Column: col, Msg: msg}
	}
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		return fail(problem(1, 1, i18n.T(
			"the file starts with a byte order mark (U+FEFF), which TOML does not allow: save it as UTF-8 without BOM",
			"文件以字节顺序标记(U+FEFF,BOM)开头,TOML 不允许:请保存为不带 BOM 的 UTF-8")))
	}
	var f settingsFile
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&f)
	var strict *toml.StrictMissingError
	var decode *toml.DecodeError
	var problems []SettingsProblem
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			line, col := e.Position()
			problems = append(problems, problem(line, col, unknownSetting(apis, e.Key())))
		}
	case errors.As(err, &decode):
		line, col := decode.Position()
		return fail(problem(line, col, decodeProblem(decode)))
	case err != nil:
		return fail(problem(1, 1, i18n.Tf("not valid TOML: %s", "不是有效的 TOML:%s", err.Error())))
	}
	// go-toml matches struct keys case-insensitively and takes any key into a map: every key
	// as written is checked here, with its place, against the settings cloudorder knows.
	keys, err := settingKeys(data)
	if err != nil { // the decoder parsed it; the parser cannot disagree, but say so if it does
		return fail(problem(1, 1, i18n.Tf("not valid TOML: %s", "不是有效的 TOML:%s", err.Error())))
	}
	// A key under an unknown one is not reported again (keys come parents first).
	unknown := map[string]bool{}
	if strict != nil {
		for _, e := range strict.Errors {
			unknown[strings.Join(e.Key(), "\x00")] = true
		}
	}
	for _, k := range keys {
		if knownSetting(apis, k.path) {
			continue
		}
		parentUnknown := false
		for i := 1; i <= len(k.path) && !parentUnknown; i++ {
			parentUnknown = unknown[strings.Join(k.path[:i], "\x00")]
		}
		unknown[strings.Join(k.path, "\x00")] = true
		if !parentUnknown {
			problems = append(problems, problem(k.line, k.col, unknownSetting(apis, k.path)))
		}
	}
	s := Settings{Regions: map[string]string{}, Endpoints: map[flows.APIID]string{}}
	at := func(path ...string) (int, int) {
		if i := slices.IndexFunc(keys, func(k settingKey) bool { return slices.Equal(k.path, path) }); i >= 0 {
			return keys[i].line, keys[i].col
		}
		return 1, 1
	}
	if f.Lang != nil {
		if *f.Lang != "en" && *f.Lang != "zh" {
			line, col := at("lang")
			problems = append(problems, problem(line, col, i18n.T(`lang must be "en" or "zh"`, `lang 必须是 "en" 或 "zh"`)))
		}
		s.Lang = *f.Lang
	}
	if f.Huawei.Site != nil {
		site, ok := huaweiSites[*f.Huawei.Site]
		if !ok {
			line, col := at("huawei", "site")
			problems = append(problems, problem(line, col, i18n.T(`site must be "china", "intl" or "eu"`, `site 必须是 "china"、"intl" 或 "eu"`)))
		}
		s.HuaweiSite = site
	}
	for k, v := range f.Regions {
		s.Regions[k] = v
	}
	// An endpoint is kept as written: the provider's gate refuses one it would not use
	// (ParseEndpoint) before anything connects, rather than sending to the default endpoint.
	for k, v := range f.Endpoints {
		s.Endpoints[flows.APIID(k)] = v
	}
	if len(problems) > 0 {
		slices.SortFunc(problems, func(a, b SettingsProblem) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return fail(problems...)
	}
	return s, nil
}

// huaweiSites are config.toml's words for a Huawei account's site, and the site each names
// (the values providers/huawei's Site constants take).
var huaweiSites = map[string]string{"china": "", "intl": "intl", "eu": "eu"}

// knownSetting reports whether a key path (a table, or a key in one) is a setting.
func knownSetting(apis flows.Registry, path []string) bool {
	switch {
	case len(path) == 1:
		return slices.Contains([]string{"lang", "regions", "endpoints", "huawei"}, path[0])
	case len(path) != 2:
		return false
	case path[0] == "regions":
		return slices.Contains(apis.Clouds(), path[1])
	case path[0] == "endpoints":
		return apis.Find(flows.APIID(path[1])) != nil
	case path[0] == "huawei":
		return path[1] == "site"
	}
	return false
}

// unknownSetting says a key is not a setting, and which are, where it stands.
func unknownSetting(apis flows.Registry, path []string) i18n.Text {
	var known []string
	where := i18n.T("at the top level", "顶层")
	switch {
	case len(path) == 2 && path[0] == "regions":
		// Sorted, as the [endpoints] ids: the message does not change with the APIs' order.
		known, where = slices.Sorted(slices.Values(apis.Clouds())), i18n.T("in [regions]", "[regions] 中")
	case len(path) == 2 && path[0] == "endpoints":
		for _, a := range apis {
			known = append(known, strconv.Quote(string(a.ID)))
		}
		slices.Sort(known)
		where = i18n.T("in [endpoints]", "[endpoints] 中")
	case len(path) == 2 && path[0] == "huawei":
		known, where = []string{"site"}, i18n.T("in [huawei]", "[huawei] 中")
	default:
		known = []string{"lang", "[regions]", "[endpoints]", "[huawei]"}
	}
	name := path
	if len(path) == 2 && slices.Contains([]string{"regions", "endpoints", "huawei"}, path[0]) {
		name = path[1:] // named in its table
	}
	return i18n.Tf("unknown key %s %s: known keys are %s", "未知的键 %s(%s):已知的键为 %s",
		safeKey(name), where, strings.Join(known, ", "))
}

// decodeProblem is go-toml's decode error in both languages: the kind of problem in our words,
// go-toml's own detail after it (it names a character or a key, never a whole value).
func decodeProblem(e *toml.DecodeError) i18n.Text {
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	switch {
	case strings.Contains(msg, "already defined") || strings.Contains(msg, "already exists"):
		return i18n.Tf("%s is given twice: TOML allows a key or table once", "%s 重复出现:TOML 中每个键或表只能定义一次", safeKey(e.Key()))
	case strings.HasPrefix(msg, "cannot decode TOML") || strings.HasPrefix(msg, "cannot store"):
		if len(e.Key()) == 1 && (e.Key()[0] == "regions" || e.Key()[0] == "endpoints" || e.Key()[0] == "huawei") {
			return i18n.Tf("%s must be a table", "%s 必须是表", safeKey(e.Key()))
		}
		return i18n.Tf("%s must be a quoted string", "%s 必须是带引号的字符串", safeKey(e.Key()))
	}
	return i18n.Tf("not valid TOML: %s", "不是有效的 TOML:%s", inert.Text(msg))
}

// safeKey shows a key path in a message: names are not secrets, but one that holds anything
// a terminal would act on, or is long enough to be a pasted value, is not repeated.
func safeKey(path []string) string {
	var parts []string
	for _, k := range path {
		if len(k) > 64 {
			return "(a long name)"
		}
		if strings.ContainsFunc(k, inert.Active) {
			return "(a name with control characters)"
		}
		if k == "" || strings.ContainsFunc(k, func(r rune) bool {
			return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) {
			k = strconv.Quote(k)
		}
		parts = append(parts, k)
	}
	return strings.Join(parts, ".")
}

// settingKey is a key as written in config.toml: its full path (table and dotted parts) and
// where it is.
type settingKey struct {
	path      []string
	line, col int
}

// settingKeys lists every table header and key of a parsed document, inline tables included,
// with its place: go-toml's decoder does not say where a map key stood.
func settingKeys(data []byte) ([]settingKey, error) {
	var p unstable.Parser
	p.Reset(data)
	// Parser.Shape counts lines from the start each time; one index of line starts keeps
	// this linear in the file's size.
	lineStarts := []int{0}
	for i, c := range data {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	var out []settingKey
	var table []string
	add := func(prefix []string, it unstable.Iterator) []string {
		path := slices.Clone(prefix)
		for it.Next() {
			n := it.Node()
			path = append(path, string(n.Data))
			off := int(n.Raw.Offset)
			line, _ := slices.BinarySearch(lineStarts, off+1) // lines starting at or before off
			out = append(out, settingKey{path: slices.Clone(path), line: line, col: off - lineStarts[line-1] + 1})
		}
		return path
	}
	var keyValue func(prefix []string, n *unstable.Node)
	keyValue = func(prefix []string, n *unstable.Node) {
		path := add(prefix, n.Key())
		if v := n.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					keyValue(path, c)
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = add(nil, e.Key())
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return dedupe(out), p.Error()
}

// dedupe keeps the first place of each path (a table's dotted prefix is listed once per key).
func dedupe(keys []settingKey) []settingKey {
	seen := map[string]bool{}
	var out []settingKey
	for _, k := range keys {
		if id := strings.Join(k.path, "\x00"); !seen[id] {
			seen[id] = true
			out = append(out, k)
		}
	}
	return out
}
