package main

// This file is used to declare module plugins.

import (
	_ "github.com/apierrlint/apierrlint/plugin"
)
