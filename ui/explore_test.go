package ui

import (
	"fmt"
	"os"
	"testing"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	fmt.Println(d.view())
	for i := 0; i < 14 && d.m.Where() != "review"; i++ {
		d.keys("enter")
		fmt.Println("=====", d.m.Where())
		fmt.Println(d.view())
	}
	d.keys("y")
	fmt.Println(d.view())
}
