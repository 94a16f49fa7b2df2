principles: ;;;;; ; DD;DD;Dive Deep;Dive Deeper;Ownership, Frugality
id: x

id: x
