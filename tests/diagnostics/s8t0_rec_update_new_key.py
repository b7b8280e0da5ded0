# update() of a record with a key it does not have
person = {"name": "Ann", "age": 31}
person.update({"age": 32, "email": "ann@example.com"})
print(person)
