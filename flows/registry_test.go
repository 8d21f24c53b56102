package flows

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// testAPIs are the APIs the tests here load order files of and check the declarations of, in
// a fixed order (flows keeps no list: package catalog holds cloudorder's). An API declared in
// flows joins this list so that its declaration is checked too.
var testAPIs = Registry{PAI, DSC, WorkspaceApp}

func TestRegistryFindsByIDAndListsCloudsOnce(t *testing.T) {
	if testAPIs.Find(HuaweiDSC) != DSC || testAPIs.Find(AlibabaPAI) != PAI || testAPIs.Find("x") != nil || Registry(nil).Find(HuaweiDSC) != nil {
		t.Fatal("Find: an API by its id, nil for an id not listed")
	}
	if got := testAPIs.Clouds(); len(got) != 2 || got[0] != "alibaba" || got[1] != "huawei" {
		t.Fatalf("Clouds = %v, want [alibaba huawei]", got)
	}
	if got := (Registry{WorkspaceApp, PAI, DSC}).Clouds(); got[0] != "huawei" || got[1] != "alibaba" {
		t.Fatalf("Clouds = %v: in the list's order", got)
	}
	_, _, ps, err := (Registry{PAI}).Load([]byte(`{"api":"huawei/dsc/CreateProductOrder","region":"cn-north-4","body":{}}`))
	if err != nil || len(ps) != 1 || ps[0].Path != "api" || ps[0].Msg.EN != `unknown API "huawei/dsc/CreateProductOrder": use one of alibaba/pai/CreateProductOrders` {
		t.Fatalf("a registry loads only its own APIs: %v %v", ps, err)
	}
}

// Every API flows declares is in testAPIs, so that the declaration checks here see it: the
// package's files are read for package-level values made by a function that returns *API.
func TestEveryDeclaredAPIIsInTheTestList(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	makers := map[string]bool{} // functions that return *API
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Type.Results == nil || len(fd.Type.Results.List) != 1 {
				continue
			}
			if star, ok := fd.Type.Results.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "API" {
					makers[fd.Name.Name] = true
				}
			}
		}
	}
	var declared []string
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					if call, ok := v.(*ast.CallExpr); ok {
						if fn, ok := call.Fun.(*ast.Ident); ok && makers[fn.Name] {
							declared = append(declared, vs.Names[i].Name)
						}
					}
				}
			}
		}
	}
	ids := map[APIID]bool{}
	for _, api := range testAPIs {
		ids[api.ID] = true
	}
	if len(declared) != len(ids) || len(ids) != len(testAPIs) {
		t.Errorf("flows declares %d APIs %v; testAPIs lists %d different ones of %d: every declared API belongs in testAPIs once", len(declared), declared, len(ids), len(testAPIs))
	}
}
