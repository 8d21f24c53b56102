package clicmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// heredocEnd closes the POSIX here-document. No line of indented JSON can equal it: every such
// line starts with a space, a brace or a bracket.
const heredocEnd = "CLOUDORDER_JSON"

// Render returns the order as its cloud's CLI command for shell sh, runnable as printed:
// comment lines saying what it is and what is unverified, the command itself, and a trailing
// comment naming the CLI's preview flag. t is where cloudorder itself sends the order: its
// Endpoint (scheme://host[:port], overrides included), so the CLI goes to the same place, and
// its CLI, how the cloud's tool calls the API. api is o's flow, whose title the comments name
// (nil: they name o's API id). The Alibaba body is byte for byte the one cloudorder sends (the compact body).
func Render(api *flows.API, o flows.Order, t providers.Target, sh Shell, lang i18n.Lang) (string, error) {
	m, ok := For(t.CLI)
	if !ok {
		return "", fmt.Errorf("%s", i18n.Tf("no CLI command is known for %s", "没有 %s 对应的命令行命令", o.API).In(lang))
	}
	if _, ok := ParseShell(string(sh)); !ok {
		return "", fmt.Errorf("%s", i18n.Tf("unknown shell %q: use sh, pwsh or cmd", "未知的 shell %q:请使用 sh、pwsh 或 cmd", sh).In(lang))
	}
	ep, err := config.ParseEndpoint(t.Endpoint)
	if err != nil {
		return "", fmt.Errorf("%s: %w", i18n.T("where the order goes", "订单发送地址").In(lang), err)
	}
	body := o.CompactBody()
	if !json.Valid(body) {
		return "", fmt.Errorf("%s", i18n.T("the order body is not valid JSON", "订单请求体不是有效的 JSON").In(lang))
	}
	var out string
	switch m.style {
	case bodyArg:
		out, err = renderBodyArg(m, title(api, o), o, ep, body, sh, lang)
	default:
		out, err = renderJSONInput(m, title(api, o), o, ep, body, sh, lang)
	}
	if err != nil {
		return "", err
	}
	if sh == CMD && !asciiCommands(out) {
		out = utf8Console(out, lang)
	}
	return out, checkLines(out, sh, lang)
}

// asciiCommands reports whether every line but the comments is ASCII.
func asciiCommands(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "REM ") {
			continue
		}
		for i := 0; i < len(l); i++ {
			if l[i] >= 0x80 {
				return false
			}
		}
	}
	return true
}

// utf8Console puts `chcp 65001` before the first command line of a cmd.exe snippet with
// non-ASCII text: cmd.exe reads a saved .cmd script in the console's code page, and the body
// must reach the CLI as UTF-8 (pasted at the prompt it arrives as Unicode either way).
func utf8Console(s string, lang i18n.Lang) string {
	lines := strings.SplitAfter(s, "\n")
	i := 0
	for i < len(lines) && strings.HasPrefix(lines[i], "REM ") {
		i++
	}
	head := strings.Join(lines[:i], "") + comment(CMD, i18n.T("The order has non-ASCII text: switch the console to UTF-8 first.",
		"订单包含非 ASCII 文本:先把控制台切换为 UTF-8。"), lang) + "chcp 65001 >NUL\n"
	return head + strings.Join(lines[i:], "")
}

// title names the API in the header line.
func title(api *flows.API, o flows.Order) i18n.Text {
	if api != nil {
		return api.Title
	}
	return i18n.T(string(o.API), string(o.API))
}

// renderBodyArg: aliyun <product> <Operation> --region R --endpoint HOST --body '<json>'.
// Never --version (the CLI refuses 2021-02-04 for this product, and it is the default anyway)
// nor --force (not needed since aliyun-cli 3.0.232); always --endpoint, because the CLI's own
// table covers only some regions (openapi/invoker.go: "unknown endpoint … Use flag --endpoint").
func renderBodyArg(m Mapping, t i18n.Text, o flows.Order, ep config.Endpoint, body []byte, sh Shell, lang i18n.Lang) (string, error) {
	if len(body) > maxArgBytes {
		return "", fmt.Errorf("%s", i18n.Tf("the body is %d bytes: too long for one command-line argument (at most %d)",
			"请求体有 %d 字节:超过单个命令行参数的上限(%d)", len(body), maxArgBytes).In(lang))
	}
	switch {
	case sh == PWSH && len(body) > maxWinLine-200:
		return "", fmt.Errorf("%s", i18n.Tf("the body is %d bytes: Windows passes at most %d characters to a program",
			"请求体有 %d 字节:Windows 最多向程序传递 %d 个字符", len(body), maxWinLine).In(lang))
	case sh == CMD:
		if r, bad := cmdUnsafe(string(body)); bad {
			return "", cmdRefusal(r, lang)
		}
	}
	host := ep.HostPort()
	var b strings.Builder
	b.WriteString(comment(sh, i18n.Text{EN: t.EN + ": this order as an aliyun CLI command. The body is byte for byte what cloudorder sends.",
		ZH: t.ZH + ":此订单对应的 aliyun 命令行命令。请求体与 cloudorder 发送的逐字节一致。"}, lang))
	b.WriteString(comment(sh, i18n.T("Needs aliyun CLI 3.0.232 or newer and its credentials (aliyun configure).",
		"需要 aliyun CLI 3.0.232 或更高版本,并已配置凭证(aliyun configure)。"), lang))
	switch sh {
	case PWSH:
		b.WriteString(comment(sh, i18n.T("Needs PowerShell 7.3 or newer: older versions strip the double quotes inside the JSON.",
			"需要 PowerShell 7.3 或更高版本:更早的版本会去掉 JSON 中的双引号。"), lang))
	case CMD:
		b.WriteString(comment(sh, cmdUnverified, lang))
	}
	args := []string{m.Tool, m.Service, m.Operation}
	flags := [][2]string{{"--region", o.Region}, {"--endpoint", host}}
	if ep.Scheme == "http" {
		// Only ever a loopback host (config.ParseEndpoint); the CLI talks HTTPS unless told.
		flags = append(flags, [2]string{"--insecure", ""})
	}
	flags = append(flags, [2]string{"--body", string(body)})
	b.WriteString(strings.Join(args, " "))
	for _, f := range flags {
		b.WriteString(lineJoin(sh))
		b.WriteString(f[0])
		if f[0] == "--insecure" {
			continue
		}
		b.WriteString(" " + quoteFor(sh, f[1]))
	}
	b.WriteString("\n")
	b.WriteString(comment(sh, previewText(m), lang))
	return b.String(), nil
}

// renderJSONInput: write the JSON input file, then hcloud <Service> <Operation>
// --cli-region=R --cli-endpoint=URL --cli-jsonInput=FILE.
func renderJSONInput(m Mapping, t i18n.Text, o flows.Order, ep config.Endpoint, body []byte, sh Shell, lang i18n.Lang) (string, error) {
	input, err := inputFile(o, body, sh == CMD)
	if err != nil {
		return "", err
	}
	if sh == CMD {
		if r, bad := cmdUnsafe(string(input)); bad {
			return "", cmdRefusal(r, lang)
		}
	}
	var b strings.Builder
	b.WriteString(comment(sh, i18n.Text{
		EN: t.EN + ": this order as a Huawei Cloud KooCLI (hcloud) command. It writes " + m.File + " (the request parameters by position), then calls hcloud.",
		ZH: t.ZH + ":此订单对应的华为云 KooCLI(hcloud)命令。先写入 " + m.File + "(按位置存放的请求参数),再调用 hcloud。"}, lang))
	b.WriteString(comment(sh, i18n.T("Unverified: hcloud was not run when cloudorder was built; the file form and the flags follow KooCLI's documentation. Try --dryrun first.",
		"未经验证:构建 cloudorder 时未运行过 hcloud;文件格式与参数依据 KooCLI 文档。请先用 --dryrun 试运行。"), lang))
	switch sh {
	case SH:
		b.WriteString("cat > " + quoteSH(m.File) + " <<'" + heredocEnd + "'\n")
		b.Write(input)
		b.WriteString("\n" + heredocEnd + "\n")
	case PWSH:
		b.WriteString(comment(sh, i18n.T("Needs PowerShell 7 or newer (Set-Content -Encoding utf8NoBOM).",
			"需要 PowerShell 7 或更高版本(Set-Content -Encoding utf8NoBOM)。"), lang))
		b.WriteString("@'\n")
		b.Write(input)
		b.WriteString("\n'@ | Set-Content -LiteralPath " + quotePS(m.File) + " -Encoding utf8NoBOM\n")
	case CMD:
		b.WriteString(comment(sh, cmdUnverified, lang))
		b.WriteString(comment(sh, i18n.T("cmd.exe has no here-document: one echo line writes the file.",
			"cmd.exe 没有 here-document:用一行 echo 写入文件。"), lang))
		b.WriteString("> " + quoteFor(sh, m.File) + " echo " + escapeCmd(string(input)) + "\n")
	}
	b.WriteString(m.Tool + " " + m.Service + " " + m.Operation)
	for _, arg := range []string{"--cli-region=" + o.Region, "--cli-endpoint=" + ep.String(), "--cli-jsonInput=" + m.File} {
		b.WriteString(lineJoin(sh) + quoteFor(sh, arg))
	}
	b.WriteString("\n")
	b.WriteString(comment(sh, previewText(m), lang))
	return b.String(), nil
}

// inputFile is KooCLI's JSON input file: {"path":{"project_id":…},"body":…}, indented for
// people to review (compact for cmd.exe, whose echo writes one line). The body's bytes are kept
// as they are (no re-encoding of its strings).
func inputFile(o flows.Order, body []byte, compact bool) ([]byte, error) {
	pid, err := json.Marshal(o.ProjectID)
	if err != nil {
		return nil, err
	}
	raw := []byte(`{"path":{"project_id":` + string(pid) + `},"body":` + string(body) + `}`)
	if compact {
		return raw, nil
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

var cmdUnverified = i18n.T("cmd.exe: unverified (no Windows at hand when cloudorder was built); the quoting follows the Microsoft C runtime's rules.",
	"cmd.exe:未经验证(构建 cloudorder 时没有 Windows 环境);引号规则依据 Microsoft C 运行库的命令行解析规则。")

func previewText(m Mapping) i18n.Text {
	if m.Tool == "aliyun" {
		return i18n.Tf("Preview without sending: add %s (aliyun CLI 3.4.8 or newer; credentials masked).",
			"只预览不发送:加上 %s(aliyun CLI 3.4.8 或更高版本;凭证已遮盖)。", m.Preview)
	}
	return i18n.Tf("Preview without sending: add %s (prints the request; nothing is sent).",
		"只预览不发送:加上 %s(打印请求,不发送)。", m.Preview)
}

func cmdRefusal(r rune, lang i18n.Lang) error {
	return fmt.Errorf("%s", i18n.Tf("the order contains %q, which cmd.exe expands or breaks in every quoting: use --shell pwsh",
		"订单包含 %q,cmd.exe 在任何引号下都会展开或截断它:请使用 --shell pwsh", r).In(lang))
}

// checkLines refuses a cmd.exe snippet with a line over the 8,191 characters cmd.exe reads.
func checkLines(s string, sh Shell, lang i18n.Lang) error {
	if sh != CMD {
		return nil
	}
	for _, l := range strings.Split(s, "\n") {
		if n := len([]rune(l)); n > maxCmdLine {
			return fmt.Errorf("%s", i18n.Tf("a line of the cmd.exe snippet would be %d characters; cmd.exe reads at most %d: use --shell pwsh",
				"cmd.exe 片段的一行将有 %d 个字符;cmd.exe 最多读取 %d 个:请使用 --shell pwsh", n, maxCmdLine).In(lang))
		}
	}
	return nil
}
