# a key added to a record (its keys are fixed)
person = {"name": "Ann", "age": 31}
person["email"] = "ann@example.com"
print(person)
