module example.com/newsvc

go 1.26
