module example.com/rend

go 1.26
