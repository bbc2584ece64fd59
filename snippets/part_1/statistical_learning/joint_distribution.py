"""Joint, marginal and conditional distributions of age and height, ML1 §4."""

# --8<-- [start:joint]
import numpy as np

ages = np.array([19, 20, 21, 22])  # values of X
heights = np.array([1.60, 1.70, 1.80])  # values of Y, in metres
counts = np.array([[45, 35, 10],  # people of age 19 with each height
                   [40, 50, 20],
                   [35, 45, 20],
                   [30, 50, 20]])  # age 22
joint = counts / counts.sum()  # p(X = age, Y = height)
print("p(X, Y) =")
print(joint)
print("sums to", joint.sum())

row = joint[ages == 22][0]  # keep only the people aged 22 ...
p_22 = row.sum()  # ... who make up p(X = 22) of everyone
conditional = row / p_22  # ... and rescale so it sums to one
print("p(X = 22) =", p_22)
print("p(Y | X = 22) =", conditional)
# --8<-- [end:joint]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

ages = np.array([19, 20, 21, 22])
heights = np.array([1.60, 1.70, 1.80])
counts = np.array([[45, 35, 10], [40, 50, 20], [35, 45, 20], [30, 50, 20]])
joint = counts / counts.sum()
conditional = joint[3] / joint[3].sum()  # the row of age 22, rescaled

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
image = left.imshow(joint, cmap="Blues", vmin=0)  # rows: ages, as printed
left.set_yticks(range(4), [str(age) for age in ages])
left.set_xticks(range(3), [f"{h:.2f}" for h in heights])
left.add_patch(plt.Rectangle((-0.5, 2.5), 3, 1, fill=False,
                             edgecolor="tab:red", linewidth=2))
left.set_ylabel("age $X$ (years)")
left.set_xlabel("height $Y$ (m)")
left.set_title("joint $p(X, Y)$")
fig.colorbar(image, ax=left)
right.bar([f"{h:.2f}" for h in heights], joint[3], color="tab:blue",
          label="$p(X = 22, Y)$: filtered")
right.bar([f"{h:.2f}" for h in heights], conditional, color="none",
          edgecolor="tab:red", linewidth=2, label="$p(Y \\mid X = 22)$")
right.set_xlabel("height $Y$ (m)")
right.set_ylabel("probability")
right.set_title("conditional: filter, then rescale")
right.set_ylim(0, 0.65)
right.legend(loc="upper right", frameon=False)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# The table is a distribution, and 100 of the 400 people are 22.
assert np.isclose(joint.sum(), 1) and (joint >= 0).all()
assert counts[3].sum() == 100 and counts.sum() == 400
assert p_22 == 0.25
assert np.isclose(conditional.sum(), 1)
# The heat map has the printed table's layout: a row per age, a column per height.
assert image.get_array().shape == (len(ages), len(heights)) == joint.shape
# Conditional = joint / marginal, for every age at once.
marginal = joint.sum(axis=1)
assert np.allclose((joint / marginal[:, None]).sum(axis=1), 1)

# For the equation checker (arrays as SymPy matrices): the share of each height among
# the 22-year-olds, counted directly, against the joint probability over the marginal.
import sympy as sp  # noqa: E402

TEX = {
    r"p(Y = y \mid X = 22)": sp.Matrix(counts[ages == 22][0] / counts[ages == 22].sum()),
    r"p(X = 22,\, Y = y)": sp.Matrix(joint[ages == 22][0]),
    r"p(X = 22)": p_22,
}

# The numbers the page's words give: the population, the ages of the rows from the
# youngest to the oldest, the age it follows (the last row), the heights of the columns
# and the share of each height at that age.
population = counts.sum()
youngest, oldest = ages[0], ages[-1]
age = oldest  # the page's 22-year-olds
assert np.array_equal(joint[ages == age][0], row)
height_1, height_2, height_3 = heights
share_1, share_2, share_3 = conditional
# The share of the people aged 22, counted directly: what the kept entries add up to.
share_aged_22 = counts[ages == age].sum() / population
assert np.isclose(row.sum(), share_aged_22)

# The figure's alt text: the age of the row outlined in red (the rectangle's corner lies
# half a row before the centre of the row it outlines), the heights of the blue bars (the row as
# filtered) and of the red ones (rescaled), and how many times as tall the red ones are:
# one over the share the filtered row adds up to.
outlined_age = ages[round(left.patches[0].get_y() + 0.5)]
filtered_bars = np.array([bar.get_height() for bar in right.containers[0]])
conditional_bars = np.array([bar.get_height() for bar in right.containers[1]])
times_taller = 1 / filtered_bars.sum()
assert outlined_age == age and np.array_equal(filtered_bars, row)
assert np.allclose(conditional_bars, times_taller * filtered_bars)
assert np.allclose(conditional_bars, counts[ages == age][0] / counts[ages == age].sum())
# The page's name for the conditional distribution at age 22: the rescaled row printed as
# "p(Y | X = 22)" above, to compare with the conditional of the figure.
TEX[r"p(Y \mid X = 22)"] = sp.Matrix(row / p_22)

# The figure's legend names its blue bars p(X = 22, Y): the joint probabilities of the row
# of age 22, which the formula reader cannot read as written.
TEX[r"p(X = 22, Y)"] = sp.Matrix(joint[ages == 22][0])

# The formulas the figures draw: each checked against what the file computes, or declared.
# The legend's bars: filtered (blue) and rescaled (red), as the figure draws them.
DRAWN = {
    r"p(X = 22, Y)": "check: :filtered_bars",
    r"p(Y \mid X = 22)": "check: :conditional_bars",
}
