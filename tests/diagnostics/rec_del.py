# a key deleted from a record
person = {"name": "Ann", "age": 31}
del person["age"]
print(person)
