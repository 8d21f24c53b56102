package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cloudorder/catalog"
	"cloudorder/flows"
)

// An API is one catalog entry: outside flows/, each API — its flows constant, its flow value
// (flows.PAI …) or its literal id — appears in at most two production files (its catalog file
// and its sandbox emulation file, docs/adding-an-api.md); the provider's own file declares a
// Spec without naming it. Comments do not count; code does.
func TestAPIIDsAppearInAtMostTwoFiles(t *testing.T) {
	apis := catalog.Flows()
	consts := map[string]flows.APIID{} // flows constant or flow value name → id
	fset := token.NewFileSet()
	orderFile, err := parser.ParseFile(fset, "flows/order.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(orderFile, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 1 {
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && apis.Find(flows.APIID(v)) != nil {
					consts[vs.Names[0].Name] = flows.APIID(v)
				}
			}
		}
		return true
	})
	if len(consts) != len(apis) {
		t.Fatalf("found constants %v in flows/order.go, want one per API (%d)", consts, len(apis))
	}
	flowValues(t, fset, consts)
	if len(consts) != 2*len(apis) {
		t.Fatalf("found constants and flow values %v in flows/, want two per API (%d)", consts, len(apis))
	}
	files := map[flows.APIID]map[string]bool{}
	err = filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "flows" || path == "e2e" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		note := func(id flows.APIID) {
			if files[id] == nil {
				files[id] = map[string]bool{}
			}
			files[id][path] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "flows" {
					if id, ok := consts[n.Sel.Name]; ok {
						note(id)
					}
				}
			case *ast.BasicLit:
				if v, err := strconv.Unquote(n.Value); n.Kind == token.STRING && err == nil && apis.Find(flows.APIID(v)) != nil {
					note(flows.APIID(v))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apis {
		t.Logf("%s: %v", a.ID, files[a.ID])
		if n := len(files[a.ID]); n > 2 || n == 0 {
			t.Errorf("%s appears in %d production files outside flows/, want 1–2: %v", a.ID, n, files[a.ID])
		}
	}
}

// flowValues adds to consts each exported flow value flows declares (var PAI = alibabaPAI()),
// under the id its constructor gives (the composite literal's ID: AlibabaPAI).
func flowValues(t *testing.T, fset *token.FileSet, consts map[string]flows.APIID) {
	files, err := filepath.Glob("flows/*.go")
	if err != nil {
		t.Fatal(err)
	}
	idOf := map[string]flows.APIID{} // constructor → id
	vars := map[string]string{}      // value → constructor
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					if kv, ok := n.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
							if v, ok := kv.Value.(*ast.Ident); ok && consts[v.Name] != "" {
								idOf[d.Name.Name] = consts[v.Name]
							}
						}
					}
					return true
				})
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Values) == 1 && ast.IsExported(vs.Names[0].Name) {
						if call, ok := vs.Values[0].(*ast.CallExpr); ok {
							if fn, ok := call.Fun.(*ast.Ident); ok && len(call.Args) == 0 {
								vars[vs.Names[0].Name] = fn.Name
							}
						}
					}
				}
			}
		}
	}
	for name, fn := range vars {
		if id, ok := idOf[fn]; ok {
			consts[name] = id
		}
	}
}
