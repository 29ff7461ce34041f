import type { ContractRoute } from "../utils/contract"
import {
  categoryTree,
  createCategoryBody,
  updateCategoryBody,
} from "../products/categories/validators"
import { categoryView } from "../../queries/catalog/category-view"
import { ifNoneMatchHeader, notModifiedResponse } from "./http-caching"

const tags = ["Categories"]

/** Product categories (Medusa's), as a tree with product counts; admins manage them. */
export const categoriesContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/products/categories",
    summary:
      "The category tree with product counts; inactive and internal categories only for admins",
    tags,
    access: "public",
    headers: [ifNoneMatchHeader],
    responses: {
      200: { description: "Root categories, children nested", schema: categoryTree },
      ...notModifiedResponse,
    },
  },
  {
    method: "POST",
    path: "/products/categories",
    summary: "Create a category (admin)",
    tags,
    access: "admin",
    body: createCategoryBody,
    responses: {
      201: { description: "The category", schema: categoryView },
      404: { description: "Unknown parent_id" },
      409: { description: "Handle taken" },
    },
  },
  {
    method: "PUT",
    path: "/products/categories/:id",
    summary: "Change a category (admin): partial; parent_id null moves it to the root",
    tags,
    access: "admin",
    body: updateCategoryBody,
    responses: {
      200: { description: "The category", schema: categoryView },
      404: { description: "Unknown category or parent_id" },
      409: { description: "Handle taken, or a move under itself or one of its descendants" },
    },
  },
  {
    method: "DELETE",
    path: "/products/categories/:id",
    summary: "Delete a category without children (admin); its products lose it",
    tags,
    access: "admin",
    responses: {
      204: { description: "Deleted" },
      404: { description: "Unknown category" },
      409: { description: "The category has child categories" },
    },
  },
]
