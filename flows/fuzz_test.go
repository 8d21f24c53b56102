package flows

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds adds the order files of testdata's dirs and the shape seeds to f's corpus.
func addSeeds(f *testing.F, dirs ...string) {
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.json"))
		for _, file := range files {
			data, _ := os.ReadFile(file)
			f.Add(data)
		}
	}
	for _, seed := range shapeSeeds() {
		f.Add(seed)
	}
}

// FuzzLoad feeds arbitrary bytes to the order-file reader, then validates, rebuilds and
// reloads whatever it read. Nothing may panic, and a rebuilt body must itself load.
func FuzzLoad(f *testing.F) {
	addSeeds(f, "orders", "invalid")
	// 1 MiB inputs at their worst (TestLoadCostIsBounded): nested half a million deep, and as
	// many bad products as the bounds let through.
	for _, name := range []string{"arrays nested 500k deep", "wide Products of bad items"} {
		f.Add(hostileOrders()[name].data)
	}
	f.Add([]byte(`{"api":"huawei/dsc/CreateProductOrder","body":{"product_infos":[{"usage_value":1e999}]}}`))
	f.Add([]byte(`{"api":"alibaba/pai/CreateProductOrders","body":{"Products":[{"InstanceProperties":[{"Code":"region","Value":"x","Name":7}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		api, a, ps, err := testAPIs.Load(data)
		if err != nil || api == nil {
			return
		}
		_ = Blocking(ps)
		o := api.Build(a)
		file, err := o.MarshalFile()
		if err != nil {
			t.Fatalf("built order does not marshal: %v\n%s", err, o.Body)
		}
		if _, _, _, err := testAPIs.Load(file); err != nil {
			t.Fatalf("rebuilt order does not load: %v\n%s", err, file)
		}
		for _, step := range api.Steps() {
			_ = api.Slots(a, step)
		}
	})
}

// FuzzAnswers types arbitrary text into every field of every API: validation and building
// never panic, and the built body is always valid JSON.
func FuzzAnswers(f *testing.F) {
	for _, s := range []string{"", "0", "-1", "1e9", "true", "\"", "\x00", "中文", "9999999999999999999999", "a,b,,c", " 10 "} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		for _, api := range testAPIs {
			a := api.NewAnswers()
			var paths []string
			for _, step := range api.Steps() {
				for _, s := range api.Slots(a, step) {
					if !s.Heading && s.Field.Kind.IsScalar() {
						paths = append(paths, s.Path)
					}
				}
			}
			if len(paths) == 0 {
				continue
			}
			api.Set(a, paths[int(pick)%len(paths)], text)
			_ = api.Validate(a)
			o := api.Build(a)
			if _, _, _, err := testAPIs.Load(mustFile(t, o)); err != nil {
				t.Fatalf("%s: body built from %q is not JSON: %v\n%s", api.ID, text, err, o.Body)
			}
		}
	})
}

func mustFile(t *testing.T, o Order) []byte {
	data, err := o.MarshalFile()
	if err != nil {
		t.Fatalf("marshal: %v\n%s", err, o.Body)
	}
	return data
}

// FuzzValidatedIsSent checks "what is checked is what is sent" on arbitrary input: whenever
// Load accepts an order, the order submit would send (built from the validated answers) says
// exactly what the file says, Load's own last guard (faithful) never had to step in, and
// loading the sent order again gives the same verdict and the same bytes.
func FuzzValidatedIsSent(f *testing.F) {
	addSeeds(f, "orders", "cases")
	f.Fuzz(func(t *testing.T, data []byte) {
		api, a, ps, err := testAPIs.Load(data)
		if err != nil || api == nil {
			return
		}
		for _, p := range ps {
			if strings.HasPrefix(p.Msg.EN, "cloudorder would not send exactly") {
				t.Fatalf("the loader let through a value it cannot send as read (%s)\n%s", p, data)
			}
		}
		if Blocking(ps) {
			return
		}
		sent := mustFile(t, api.Build(a))
		if where, same := sameJSON("", decode(t, data), decode(t, sent)); !same {
			t.Fatalf("validated and sent differ at %s\nfile: %s\nsent: %s", where, data, sent)
		}
		api2, a2, ps2, err := testAPIs.Load(sent)
		if err != nil || api2 != api || Blocking(ps2) {
			t.Fatalf("the sent order does not load as valid: %v %v\n%s", err, ps2, sent)
		}
		if again := mustFile(t, api2.Build(a2)); !bytes.Equal(again, sent) {
			t.Fatalf("sending again would send other bytes:\n%s\n%s", again, sent)
		}
	})
}

// shapeSeeds are orders at and just past the shape bounds (MaxDepth, MaxValues), with
// brackets, commas and escaped quotes inside strings that must not count.
func shapeSeeds() [][]byte {
	pai := func(body string) []byte {
		return []byte(`{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":` + body + `}`)
	}
	nested := func(open, close string, depth int) string {
		return strings.Repeat(open, depth) + "1" + strings.Repeat(close, depth)
	}
	return [][]byte{
		pai(nested("[", "]", MaxDepth-2)),
		pai(nested("[", "]", MaxDepth-1)),
		pai(nested(`{"a":`, "}", MaxDepth-2)),
		pai(nested(`{"a":`, "}", MaxDepth-1)),
		pai(`{"Products":[{"ProductCode":"` + strings.Repeat(`[{\"`, 100) + `"}]}`),
		pai(`{"Products":[` + strings.TrimSuffix(strings.Repeat("1,", MaxValues-6), ",") + `]}`),
		pai(`{"Products":[` + strings.TrimSuffix(strings.Repeat("1,", MaxValues), ",") + `]}`),
		[]byte(strings.Repeat("[", 100_000)),
	}
}
