module example.com/petstore

go 1.26.0
