package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cloudorder/i18n"
)

// A problem's first line at its field says something: deep in a nested group the field's
// value column starts far right, and the first line used to be one word ("✗ must") or
// nothing ("⚠ (more in the help panel)").
func TestProblemFirstLineAtDeepFieldSaysSomething(t *testing.T) {
	from := loadedFile(t, "../testdata/invalid/workspaceapp-doc-example.json")
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang, From: from}, size[0], size[1])
			more := d.m.s.say(txtMoreInPanel)
			seen := 0
			for _, l := range strings.Split(d.view(), "\n") {
				i := strings.Index(l, more)
				if i < 0 {
					continue
				}
				seen++
				text := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l[:i]), "✗⚠ "))
				if j := strings.Index(text, "│"); j >= 0 { // a line of the form column only
					text = strings.TrimSpace(text[:j])
				}
				if ansi.StringWidth(text) < 16 {
					t.Errorf("%s %dx%d: the first line at the field says too little: %q", lang, size[0], size[1], l)
				}
			}
			if seen == 0 && lang == i18n.EN && size[0] == 120 {
				t.Errorf("%s %dx%d: no problem pointed at the help panel:\n%s", lang, size[0], size[1], d.view())
			}
		}
	}
}

// Chinese runs wrap between characters and go on from where the line is; the ASCII words
// inside them (POST, region IDs) stay whole, and a closing mark never starts a line.
func TestWrapWordsMixedChineseKeepsASCIIWordsWhole(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want []string
	}{
		{"按计费模式与周期购买数据安全中心版本及扩展包(POST /v1/{project_id}/period/order)。订单创建后待支付。", 48,
			[]string{"按计费模式与周期购买数据安全中心版本及扩展包", "(POST /v1/{project_id}/period/order)。订单创建后", "待支付。"}},
		{"⚠ nics 为预留属性,接口目前未使用:会被发送,但不起作用", 24,
			[]string{"⚠ nics 为预留属性,接口目", "前未使用:会被发送,但不起", "作用"}},
		{"其他地域(如 cn-qingdao、cn-huhehaote、eu-west-1、me-east-1)使用中心接入地址", 40,
			[]string{"其他地域(如 cn-qingdao、cn-huhehaote、", "eu-west-1、me-east-1)使用中心接入地址"}},
	}
	cases = append(cases, []struct {
		in   string
		w    int
		want []string
	}{
		// A CJK run that fits on a line of its own still goes on from where the line is,
		// and the ";" after it stays with it.
		{`✗ 键 "region" 重复:JSON 未规定以哪个值为准;请只写一次`, 42, []string{`✗ 键 "region" 重复:JSON 未规定以哪个值为`, "准;请只写一次"}},
		// An opening mark goes to the next line with what it opens.
		{"接收订单的 AIWorkSpace 接入地域,不在请求体中。支持以下地域(各有接入地址 aiworkspace", 60, []string{"接收订单的 AIWorkSpace 接入地域,不在请求体中。支持以下地域", "(各有接入地址 aiworkspace"}},
		// A word wider than the line breaks after ":" or "." before a hyphen (cn-hangzhou).
		{"各有接入地址 aiworkspace.<region>.aliyuncs.com):cn-hangzhou, cn-shanghai", 42, []string{"各有接入地址", "aiworkspace.<region>.aliyuncs.com):", "cn-hangzhou, cn-shanghai"}},
	}...)
	for _, c := range cases {
		got := strings.Split(wrapWords(c.in, c.w), "\n")
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapWords(%q, %d):\n got %q\nwant %q", c.in, c.w, got, c.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > c.w {
				t.Errorf("line wider than %d: %q", c.w, l)
			}
		}
	}
}

// A nested group's item heading is indented with its group ("      ── NICs #1"), not drawn
// at the left edge with the indent after the dash ("  ──     NICs #1").
func TestNestedItemHeadingIsIndentedWithItsGroup(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, From: loadedFile(t, "../testdata/invalid/workspaceapp-doc-example.json")}, 120, 40)
	v := d.view()
	found := false
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "NICs #1") {
			found = true
			if !strings.Contains(l, "      ── NICs #1") || strings.Contains(l, "──  ") {
				t.Errorf("nested heading: %q", l)
			}
		}
	}
	if !found {
		t.Fatalf("no NICs heading on the screen:\n%s", v)
	}
}
