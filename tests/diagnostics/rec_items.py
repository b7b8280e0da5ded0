# items() of a record outside a loop: its values have different types
person = {"name": "Ann", "age": 31}
pairs = list(person.items())
print(pairs)
