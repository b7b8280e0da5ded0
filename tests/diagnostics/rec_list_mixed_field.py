# records in one list with an int field in one and a float in another
people = [{"name": "Ann", "score": 88}, {"name": "Bob", "score": 92.5}]
print(people)
