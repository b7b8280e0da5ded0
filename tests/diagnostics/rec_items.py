# items() of a record: its values have different types
person = {"name": "Ann", "age": 31}
for k, v in person.items():
    print(k, v)
